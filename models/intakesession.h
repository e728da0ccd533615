#pragma once

#include "apiclient.h"
#include "apierror.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace onewindow::models {

class ApiClient;
class LocalStore;
class NumberStock;

/// One intake at the counter (一窗受理), from the applicant to the decision, without widgets:
/// the wizard's pages show it and change it. Every change is autosaved as a draft, so a crash
/// costs nothing; the submission carries an idempotency key kept in the draft, so a retry after
/// a network failure never creates two cases.
class IntakeSession : public QObject
{
    Q_OBJECT

public:
    enum class Step { Applicant, Matter, Form, Materials, Decide };
    Q_ENUM(Step)
    enum class Completeness { RequiredMissing, CompleteExceptTolerated, Complete };
    Q_ENUM(Completeness)

    /// A material of the (merged) intake with how it was provided and, if deficient, when due.
    struct Material
    {
        QString code;
        QString name;
        bool core = false;
        bool required = false;
        bool deficiencyAllowed = false;
        QString eLicenseType;
        QString provided; ///< "", paper, scan, e_license, deficient
        QDate dueDate;    ///< for deficient materials
    };
    /// A material a bundle does not ask for: another of its matters produces it.
    struct ProducedMaterial
    {
        QString code;
        QString name;
        QStringList producedBy; ///< codes of the matters whose result provides it
    };
    /// One line of the one-time notice: what is missing or wrong, and why (the server's reason code).
    struct NoticeItem
    {
        QString code;
        QString name;
        QString reason;
    };

    IntakeSession(ApiClient *api, LocalStore *store, QObject *parent = nullptr);
    ~IntakeSession() override;

    /// A new intake with a fresh draft key and idempotency key.
    void start(const QString &center);
    /// The date the server will hold for this intake (the ApiClient's ServerClock): ID numbers
    /// are checked against it and due dates count from it.
    QDate today() const;
    /// Restores a draft saved earlier (see toJson); the calendar and matters come with it.
    bool restore(const QJsonObject &draft);
    QJsonObject toJson() const;
    QString draftKey() const { return m_draftKey; }
    QString idempotencyKey() const { return m_idempotencyKey; }

    Step step() const { return m_step; }
    void setStep(Step step);

    // Applicant
    void setApplicantKind(const QString &kind); ///< person or organization
    void setApplicantField(const QString &field, const QString &value); ///< name, idNumber, creditCode, legalRepresentative, phone
    QString applicantField(const QString &field) const { return m_applicant.value(field).toString(); }
    QString applicantKind() const { return m_applicant.value(QLatin1String("kind")).toString(); }
    /// Field -> problem code (checksum, birth date, ...) as the clerk types; empty when all fine.
    QMap<QString, QString> applicantProblems() const;
    /// Fills the applicant from an ID card.
    void applyIdentityCard(const QJsonObject &card);
    /// Electronic licence types the applicant holds (from the server): covered materials are ticked.
    void setHeldLicenses(const QStringList &types);

    // Matter or bundle: the catalog's matter objects (GET /matters/{code}).
    void setMatters(const QJsonArray &matters, const QString &bundle = {});
    QStringList matterCodes() const;
    QStringList matterNames() const;
    QString applicantName() const { return m_applicant.value(QLatin1String("name")).toString(); }
    QString bundle() const { return m_bundle; }
    /// Fields and materials the bundle saves against separate intakes (0 for one matter).
    int fieldsSaved() const { return m_separateFields - static_cast<int>(m_fields.size()); }
    int materialsSaved() const { return m_separateMaterials - static_cast<int>(m_materials.size()); }

    // Form: the merged fields, shared ones asked once and pre-filled from the applicant.
    QJsonArray fields() const { return m_fields; }
    void setFormValue(const QString &key, const QString &value);
    QString formValue(const QString &key) const { return m_form.value(key).toString(); }
    QMap<QString, QString> formProblems() const;

    // Materials
    QList<Material> materials() const { return m_materials; }
    /// The bundle's materials that come with the result of another of its matters: not asked for.
    QList<ProducedMaterial> producedMaterials() const { return m_produced; }
    /// Returns false (and changes nothing) when deficiency is not allowed for the material.
    bool setProvision(const QString &code, const QString &provided);
    /// Working-day calendar days from the server (GET /calendar) for due dates.
    void setCalendar(const QJsonArray &days);
    Completeness completeness() const;
    /// What a one-time notice would list now.
    QList<NoticeItem> oneTimeNotice() const;

    // Green channel (绿色通道): a major project, first in every queue; the reason is required.
    void setGreenChannel(bool on, const QString &reason);
    bool greenChannel() const { return m_greenChannel; }
    QString greenChannelReason() const { return m_greenChannelReason; }

    /// POST /cases with the kept idempotency key. On success the draft is removed.
    void submit();
    /// The application is not accepted, and the refusal goes on record: POST /cases with the
    /// same body and `refusal` ({kind: one_time_notice | non_acceptance, reason: a code of the
    /// matters' `not_accepted` reasons, note}). The server answers a `not_accepted` case with
    /// every item of the notice; `submitted` reports it as for an acceptance.
    void submitRefusal(const QString &kind, const QString &reasonCode, const QString &note);
    /// Without the network (a village centre offline): the intake takes a number the centre
    /// reserved (`stock`) and goes into the local outbox with its idempotency key, in the same
    /// order, for the SyncEngine to send; the draft is removed once it is queued. `queued` then
    /// tells the number; with no reserved number left, `submitFailed` (not retryable offline).
    void submitOffline(NumberStock *stock);
    /// Without the server (an offline session): electronic licences cannot be looked up, so a
    /// material a licence covers may be marked as one unchecked; the server checks it on sync.
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }
    /// The case an offline intake will be, as its papers print it before the server has it:
    /// shaped as GET /cases/{id} answers, from the queued body (its number and `takenAt`) with
    /// the due dates counted over the calendar as the server will count them, and
    /// `pendingUpload` true. `clerk` is the user who took it in (an agent's is a village intake).
    QJsonObject provisionalCase(const QJsonObject &queued, const UserInfo &clerk) const;
    /// The matters' reasons for not accepting (code and text, each code once), from the catalog.
    QList<QPair<QString, QString>> refusalReasons() const;
    bool isSubmitting() const { return m_submitting; }

signals:
    void changed();
    void submitted(const QJsonObject &caseObject);
    /// Queued for the server under `number` (submitOffline); `body` is what will be sent.
    void queued(const QString &number, const QJsonObject &body);
    /// `retryable`: the server was not reached; the draft is kept and submit() may be repeated.
    void submitFailed(const onewindow::models::ApiError &error, bool retryable);

private:
    void recompute();
    void post(const QJsonObject &requestBody);
    void touch();
    QJsonObject body() const;

    ApiClient *m_api;
    LocalStore *m_store;
    QString m_draftKey;
    QString m_idempotencyKey;
    QString m_center;
    Step m_step = Step::Applicant;
    QJsonObject m_applicant;
    QStringList m_heldLicenses;
    QJsonArray m_matters;
    QString m_bundle;
    QJsonArray m_fields;
    QJsonObject m_form;
    QList<Material> m_materials;
    QList<ProducedMaterial> m_produced;
    QJsonObject m_provisions; ///< code -> provided
    bool m_greenChannel = false;
    QString m_greenChannelReason;
    QJsonArray m_calendar;
    int m_separateFields = 0;
    int m_separateMaterials = 0;
    bool m_submitting = false;
    bool m_offline = false;
};

} // namespace onewindow::models
