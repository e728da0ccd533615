#pragma once

#include <QDate>
#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace onewindow::models {
class CaseApi;
}

namespace onewindow::client {

class SignaturePad;

/// What the citizen sees of the counter's work.
struct CustomerView
{
    QString applicant;
    QStringList matters;
    QStringList materials; ///< one line each, with its state ("劳动合同: 容缺, 12月4日前补交")
    QDate dueDate;         ///< the promised date, once known
    QString caseNumber;
};

/// The customer screen: a second, borderless window facing the citizen. On a PC with a second
/// monitor it fills that monitor; with one, it is toggled with a key (F12), and shows itself when
/// the citizen has to sign or rate and hides again once the citizen has rated. It follows the counter's work in large type, takes the
/// recipient's signature on a pad, and ends each service with the five ratings of 好差评,
/// answered by touch, mouse or keys 1-5 (evaluator keypads send keys): the rating is sent with
/// the screen's own token for that case and event, never with the clerk's session alone. It
/// thanks the citizen and clears. It is a window of its own, without a parent, so that the
/// counter's window-modal dialogs (the hand-out, a print preview) do not block it; it never
/// keeps the application running.
class CustomerScreen final : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerScreen(models::CaseApi *cases);
    ~CustomerScreen() override;

    /// On the second monitor, full screen, when there is one; returns whether it is.
    bool placeOnSecondScreen();
    /// Shown or hidden (with one monitor: the counter's key).
    void toggle();

    void showWelcome();
    void follow(const CustomerView &view);
    /// Asks for the recipient's signature; `signed` or `signatureCancelled` follows.
    void askSignature(const CustomerView &view);
    /// Asks the citizen to rate `event` (intake or delivery) of the case; the token is asked for
    /// first. `rated` follows, or `ratingFailed`, or nothing when the citizen walks away.
    void askRating(const QString &caseId, const QString &event, const QString &caseNumber);
    /// The level chosen on the rating page (1..5): the buttons and keys 1-5 call it.
    void choose(int level);

    bool isRating() const;
    bool isSigning() const;

signals:
    void signedWith(const QImage &signature);
    void signatureCancelled();
    void rated(const QString &caseId, const QString &event, int level);
    void ratingFailed(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void present();
    void thank();

    QPointer<models::CaseApi> m_cases;
    QStackedWidget *m_pages;
    QLabel *m_welcome;
    QLabel *m_following;
    QLabel *m_signPrompt;
    SignaturePad *m_pad;
    QPushButton *m_clear;
    QPushButton *m_signed;
    QLabel *m_ratePrompt;
    QList<QPushButton *> m_levels; ///< 5 .. 1, left to right
    QPushButton *m_skip;
    QLabel *m_thanks;
    QTimer *m_clearTimer;
    CustomerView m_view;
    QString m_caseId;
    QString m_event;
    QString m_token;
    bool m_secondScreen = false;
    bool m_shownForTurn = false; ///< shown by a signature or a rating, hidden again after it
    bool m_sending = false;
};

} // namespace onewindow::client
