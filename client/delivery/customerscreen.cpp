#include "customerscreen.h"

#include "signaturepad.h"

#include "models/caseapi.h"
#include "models/formatting.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

enum Page { Welcome, Following, Signing, Rating, Thanks };

constexpr int kThanksMilliseconds = 5000;

QLabel *bigLabel(QWidget *parent, int points)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSize(points);
    label->setFont(font);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QPushButton *bigButton(QWidget *parent, int points)
{
    auto *button = new QPushButton(parent);
    QFont font = button->font();
    font.setPointSize(points);
    button->setFont(font);
    button->setMinimumHeight(points * 4);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return button;
}

} // namespace

CustomerScreen::CustomerScreen(models::CaseApi *cases)
    : QWidget(nullptr, Qt::Window | Qt::FramelessWindowHint)
    , m_cases(cases)
    , m_pages(new QStackedWidget(this))
    , m_welcome(bigLabel(this, 36))
    , m_following(bigLabel(this, 24))
    , m_signPrompt(bigLabel(this, 28))
    , m_pad(new SignaturePad(this))
    , m_clear(bigButton(this, 20))
    , m_signed(bigButton(this, 20))
    , m_ratePrompt(bigLabel(this, 30))
    , m_skip(new QPushButton(this))
    , m_thanks(bigLabel(this, 36))
    , m_clearTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("customerScreen"));
    setAttribute(Qt::WA_QuitOnClose, false);
    m_following->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_following);

    auto *signing = new QWidget(this);
    auto *signLayout = new QVBoxLayout(signing);
    signLayout->addWidget(m_signPrompt);
    signLayout->addWidget(m_pad, 1);
    auto *signButtons = new QHBoxLayout;
    signButtons->addWidget(m_clear);
    signButtons->addWidget(m_signed);
    signLayout->addLayout(signButtons);
    m_pages->addWidget(signing);

    auto *rating = new QWidget(this);
    auto *rateLayout = new QVBoxLayout(rating);
    rateLayout->addWidget(m_ratePrompt);
    auto *levels = new QHBoxLayout;
    for (int level = 5; level >= 1; --level) {
        QPushButton *button = bigButton(rating, 22);
        button->setProperty("level", level);
        button->setFocusPolicy(Qt::StrongFocus);
        connect(button, &QPushButton::clicked, this, [this, level] { choose(level); });
        levels->addWidget(button);
        m_levels.append(button);
    }
    rateLayout->addLayout(levels, 1);
    rateLayout->addWidget(m_skip, 0, Qt::AlignRight);
    m_pages->addWidget(rating);
    m_pages->addWidget(m_thanks);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 40, 40, 40);
    layout->addWidget(m_pages);
    resize(1024, 640);

    m_clearTimer->setSingleShot(true);
    connect(m_clearTimer, &QTimer::timeout, this, &CustomerScreen::showWelcome);
    connect(m_clear, &QPushButton::clicked, m_pad, &SignaturePad::clear);
    connect(m_pad, &SignaturePad::changed, this, [this] { m_signed->setEnabled(!m_pad->isEmpty()); });
    connect(m_signed, &QPushButton::clicked, this, [this] {
        if (m_pad->isEmpty())
            return;
        const QImage signature = m_pad->image();
        m_pad->clear();
        m_pages->setCurrentIndex(Following); // the signing is over: back to the case
        follow(m_view);
        emit signedWith(signature);
    });
    connect(m_skip, &QPushButton::clicked, this, &CustomerScreen::showWelcome);
    retranslate();
    showWelcome();
}

CustomerScreen::~CustomerScreen() = default;

bool CustomerScreen::placeOnSecondScreen()
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *counter = QGuiApplication::primaryScreen();
    for (QScreen *screen : screens) {
        if (screen != counter) {
            setScreen(screen);
            setGeometry(screen->geometry());
            showFullScreen();
            m_secondScreen = true;
            return true;
        }
    }
    return false;
}

void CustomerScreen::toggle()
{
    m_shownForTurn = false;
    setVisible(!isVisible());
    if (isVisible())
        raise();
}

void CustomerScreen::present()
{
    if (!isVisible()) {
        show();
        m_shownForTurn = true; // one monitor: the clerk turns it to the citizen for this turn
    }
    raise();
    activateWindow();
}

void CustomerScreen::showWelcome()
{
    m_clearTimer->stop();
    m_view = {};
    m_caseId.clear();
    m_token.clear();
    m_sending = false;
    m_pad->clear();
    m_pages->setCurrentIndex(Welcome);
    if (m_shownForTurn) { // the citizen's turn is over: the counter has its screen back
        m_shownForTurn = false;
        hide();
    }
}

void CustomerScreen::follow(const CustomerView &view)
{
    if (isRating() || isSigning())
        return; // the citizen's turn is not interrupted
    m_clearTimer->stop();
    m_view = view;
    QStringList lines;
    if (!view.caseNumber.isEmpty())
        lines << tr("Case %1").arg(view.caseNumber);
    if (!view.applicant.isEmpty())
        lines << tr("Applicant: %1").arg(view.applicant);
    if (!view.matters.isEmpty())
        lines << tr("Matter: %1").arg(view.matters.join(QStringLiteral("、")));
    if (!view.materials.isEmpty())
        lines << tr("Materials:") << view.materials;
    if (view.dueDate.isValid())
        lines << tr("Promised by %1").arg(QLocale().toString(view.dueDate, QLocale::LongFormat));
    m_following->setText(lines.join(QLatin1Char('\n')));
    m_following->setAccessibleName(lines.join(QStringLiteral("; ")));
    m_pages->setCurrentIndex(lines.isEmpty() ? Welcome : Following);
}

void CustomerScreen::askSignature(const CustomerView &view)
{
    m_clearTimer->stop();
    m_view = view;
    m_pad->clear();
    m_signed->setEnabled(false);
    m_signPrompt->setText(view.caseNumber.isEmpty()
                              ? tr("Please sign below to confirm that you received the result.")
                              : tr("Case %1: please sign below to confirm that you received the result.")
                                    .arg(view.caseNumber));
    m_pages->setCurrentIndex(Signing);
    present();
    m_pad->setFocus();
}

void CustomerScreen::askRating(const QString &caseId, const QString &event, const QString &caseNumber)
{
    m_clearTimer->stop();
    m_caseId = caseId;
    m_event = event;
    m_token.clear();
    m_sending = false;
    m_ratePrompt->setText(event == QLatin1String("delivery")
                              ? tr("Case %1: how satisfied are you with the hand-out of your result?").arg(caseNumber)
                              : tr("Case %1: how satisfied are you with the acceptance of your application?")
                                    .arg(caseNumber));
    m_ratePrompt->setAccessibleName(m_ratePrompt->text());
    for (QPushButton *button : std::as_const(m_levels))
        button->setEnabled(false);
    m_pages->setCurrentIndex(Rating);
    present();
    if (!m_cases)
        return;
    m_cases->issueRatingToken(caseId, event, [this, caseId](const models::ApiResult<QString> &r) {
        if (m_caseId != caseId || !isRating())
            return;
        if (!r.ok()) {
            emit ratingFailed(r.error.userMessage());
            showWelcome();
            return;
        }
        m_token = *r.value;
        for (QPushButton *button : std::as_const(m_levels))
            button->setEnabled(true);
        m_levels.first()->setFocus();
    }, this);
}

void CustomerScreen::choose(int level)
{
    if (!isRating() || m_token.isEmpty() || m_sending || level < 1 || level > 5 || !m_cases)
        return;
    m_sending = true;
    models::Rating rating;
    rating.event = m_event;
    rating.level = level;
    rating.token = m_token;
    const QString caseId = m_caseId;
    const QString event = m_event;
    m_cases->rate(caseId, rating, [this, caseId, event, level](const models::ApiResult<QJsonObject> &r) {
        if (r.ok())
            emit rated(caseId, event, level);
        else
            emit ratingFailed(r.error.userMessage());
    }, this);
    thank();
}

bool CustomerScreen::isRating() const
{
    return m_pages->currentIndex() == Rating;
}

bool CustomerScreen::isSigning() const
{
    return m_pages->currentIndex() == Signing;
}

void CustomerScreen::thank()
{
    m_pages->setCurrentIndex(Thanks);
    m_clearTimer->start(kThanksMilliseconds);
}

void CustomerScreen::keyPressEvent(QKeyEvent *event)
{
    // Evaluator keypads send the digits; so does the keyboard.
    if (isRating() && event->key() >= Qt::Key_1 && event->key() <= Qt::Key_5) {
        choose(event->key() - Qt::Key_0);
        return;
    }
    if (event->key() == Qt::Key_F12 && !m_secondScreen) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CustomerScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerScreen::retranslate()
{
    setWindowTitle(tr("Customer screen"));
    setAccessibleName(tr("Customer screen"));
    m_welcome->setText(tr("Welcome. The counter is ready to serve you."));
    m_welcome->setAccessibleName(m_welcome->text());
    m_pad->setAccessibleName(tr("Signature pad"));
    m_pad->setAccessibleDescription(tr("Sign with the pen, a finger or the mouse"));
    m_clear->setText(tr("Clear"));
    m_clear->setAccessibleName(tr("Clear signature"));
    m_signed->setText(tr("Done"));
    m_signed->setAccessibleName(tr("Signature done"));
    for (QPushButton *button : std::as_const(m_levels)) {
        const int level = button->property("level").toInt();
        const QString name = models::ratingLevelText(level);
        button->setText(tr("%1\n(key %2)").arg(name).arg(level));
        button->setAccessibleName(name);
    }
    m_skip->setText(tr("Not now"));
    m_skip->setAccessibleName(tr("Not now"));
    m_thanks->setText(tr("Thank you!"));
    m_thanks->setAccessibleName(m_thanks->text());
}

} // namespace onewindow::client
