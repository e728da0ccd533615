#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace onewindow::models {

/// What went wrong with a call, in a form the GUI can show: the server's problem+json with
/// every field and material message kept, or what the network said.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(onewindow::models::ApiError)

public:
    enum class Kind {
        None,
        Network,       ///< the server could not be reached
        Timeout,
        Tls,           ///< the certificate could not be verified
        Http,          ///< the server answered with an error (see status and code)
        InvalidReply,  ///< the answer was not what the API promises
        Cancelled,
        /// Work without the server was refused: signing in on this PC alone (`code`:
        /// offline_unknown, offline_expired, offline_wrong_password; `detail`: the days allowed),
        /// or an offline intake with no reserved number left (offline_no_number).
        OfflineRefused,
    };
    struct FieldError
    {
        QString field;
        QString message;
        QString code;
    };
    struct MissingMaterial
    {
        QString code;
        QString name;
        QString reason;
    };

    Kind kind = Kind::None;
    int status = 0;
    QString code;     ///< the problem's stable code, e.g. "materials_incomplete"
    QString title;
    QString detail;
    QString reason;   ///< for transition_refused
    QString requestId;
    int retryAfterSeconds = 0; ///< the server's Retry-After (429, 503); 0 when it gave none
    QList<FieldError> fieldErrors;
    QList<MissingMaterial> missing;

    /// The server's error answer (`status` 400 or more, `problem` its problem+json body, or an
    /// empty object when the body was none): an Http error with the problem's members.
    static ApiError fromProblem(int status, const QJsonObject &problem);

    bool isError() const { return kind != Kind::None; }
    /// Whether the same request may go through later: the network, a signed-out session, a
    /// request the server could not take now (408, 429) or its own trouble (5xx). Any other answer
    /// of the server is about the request itself.
    bool isRetryable() const;
    /// One sentence in the user's language, e.g. "Wrong username or password."
    QString userMessage() const;
    /// The user's-language text for a field error or a missing material's reason.
    static QString fieldMessage(const FieldError &error);
    static QString missingReason(const QString &reason);
};

} // namespace onewindow::models
