// Handing results out offscreen against a real server: the results waiting at the hall, found by
// the ID card; a case found by its number (a barcode gun) opens at once; the hand-out with the ID
// card read, the signature drawn on the customer screen's pad and stored, the customer screen's
// rating by key 2 with its own token; an agent without authorisation and an unsigned hand-out are
// refused with the server's reasons in words.
#include "guitest.h"
#include "apisignin.h"
#include "delivery/customerscreen.h"
#include "delivery/deliverydialog.h"
#include "delivery/deliverypage.h"
#include "delivery/signaturepad.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/caseapi.h"
#include "models/identityreader.h"
#include "models/modelenums.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace onewindow;

namespace {

// A stroke across the pad, as a mouse (or a pen the platform turns into one) draws it.
void drawStroke(QWidget *pad, QPoint from, QPoint to)
{
    QTest::mousePress(pad, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(pad, from + (to - from) * i / 10);
    QTest::mouseRelease(pad, Qt::LeftButton, {}, to);
}

int darkPixels(const QImage &image)
{
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128;
    return dark;
}

} // namespace

class tst_DeliveryPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    QString m_cardFile;
    models::ApiClient m_clerk1;                     ///< signed in once for the dialogs' tests
    std::unique_ptr<models::CaseApi> m_clerk1Cases;

    QString resultReady() { return resultReadySampleCase(m_users->as("clerk1"), m_users->as("approver-hf")); }

    QJsonObject caseOf(const QString &id) { return m_users->as("clerk1").get("/api/v1/cases/" + id).object(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the signature's copy kept until stored
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        m_clerk1.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_clerk1, "clerk1"));
        m_clerk1Cases = std::make_unique<models::CaseApi>(&m_clerk1);
        m_cardFile = m_dir.filePath("card.json");
        QFile card(m_cardFile);
        QVERIFY(card.open(QIODevice::WriteOnly));
        card.write(QJsonDocument(QJsonObject{{"name", QStringLiteral("张三")}, {"idNumber", "11010519491231002X"}})
                       .toJson());
    }

    // The signature pad keeps strokes, not pixels: the picture is the strokes scaled into it.
    void signaturePad()
    {
        client::SignaturePad pad;
        pad.resize(400, 150);
        pad.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pad));
        QVERIFY(pad.isEmpty());
        QVERIFY(pad.image().isNull());
        QSignalSpy changed(&pad, &client::SignaturePad::changed);
        drawStroke(&pad, {40, 100}, {200, 40});
        drawStroke(&pad, {200, 40}, {360, 110});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(pad.strokes().size(), 2);
        const QImage image = pad.image(QSize(300, 100));
        QCOMPARE(image.size(), QSize(300, 100));
        QVERIFY(darkPixels(image) > 100);
        QCOMPARE(qGray(image.pixel(0, 0)), 255); // white around the strokes
        pad.clear();
        QVERIFY(pad.isEmpty());
        QCOMPARE(changed.count(), 3);
    }

    // clerk2 hands out at another window a case clerk1 accepted: found by the ID card, the card
    // read again in the dialog, signed on the customer screen, rated 不满意 by key 2 there.
    void handOutSignAndRate()
    {
        const QString id = resultReady();
        resultReady(); // two waiting for 张三: the card lists them, it opens neither
        const QString number = caseOf(id).value("number").toString();
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "clerk2"));
        models::CaseApi cases(&api);
        models::SimulatedIdentityReader reader(m_cardFile);
        client::CustomerScreen screen(&cases);
        client::DeliveryPage page(&api, &reader, &screen);
        page.resize(1100, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy counted(&page, &client::WorkbenchPageWidget::countChanged);
        page.refresh();
        QVERIFY(counted.wait(30000));
        QVERIFY(counted.last().at(0).toInt() >= 1);
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        auto *table = byAccessibleName<QTableView>(&page, "Results to hand out");
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList listed;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            listed << table->model()->index(row, 0).data(int(models::CaseRole::Id)).toString();
        QVERIFY(listed.contains(id));

        // The ID card read on the page: 张三's results, this one among them.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Find by ID card"), Qt::LeftButton);
        QTRY_COMPARE(byAccessibleName<QLineEdit>(&page, "Find a result")->text(), QStringLiteral("11010519491231002X"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(table->currentIndex().isValid(), 30000);

        // The dialog, as Enter on the row opens it.
        client::DeliveryDialog dialog(&cases, id, &reader, &screen);
        dialog.show();
        auto *handOut = byAccessibleName<QPushButton>(&dialog, "Hand out");
        QTRY_VERIFY_WITH_TIMEOUT(handOut->isEnabled(), 30000);
        QVERIFY(dialog.windowTitle().contains(number));
        QCOMPARE(unnamedInteractiveWidgets(&dialog), QStringList());
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Read ID card"), Qt::LeftButton);
        QTRY_COMPARE(byAccessibleName<QLineEdit>(&dialog, "Recipient's ID number")->text(), QStringLiteral("11010519491231002X"));
        QCOMPARE(byAccessibleName<QLineEdit>(&dialog, "Recipient's name")->text(), QStringLiteral("张三"));

        // Signed on the customer screen's pad.
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Sign on the customer screen"), Qt::LeftButton);
        QVERIFY(screen.isSigning());
        QVERIFY(screen.isVisible());
        QCOMPARE(unnamedInteractiveWidgets(&screen), QStringList());
        auto *pad = byAccessibleName<client::SignaturePad>(&screen, "Signature pad");
        auto *done = byAccessibleName<QPushButton>(&screen, "Signature done");
        QVERIFY(!done->isEnabled());
        drawStroke(pad, {30, 120}, {300, 60});
        QVERIFY(done->isEnabled());
        QTest::mouseClick(done, Qt::LeftButton);
        QVERIFY(!screen.isSigning());
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QLabel>(&dialog, "signed"), 30000);

        QSignalSpy delivered(&dialog, &client::DeliveryDialog::delivered);
        QTest::mouseClick(handOut, Qt::LeftButton);
        QVERIFY(delivered.wait(30000));
        QCOMPARE(caseOf(id).value("status").toString(), QStringLiteral("delivered"));
        QVERIFY(byAccessibleName<QPushButton>(&dialog, "Print delivery receipt")->isEnabled());
        QVERIFY(!handOut->isEnabled());
        // What the server keeps: the signature is the pad's picture.
        const QJsonObject stored = m_users->as("clerk1").get("/api/v1/cases/" + id + "/delivery").object();
        QCOMPARE(stored.value("deliveredBy").toString(), QStringLiteral("clerk2"));
        const QByteArray png = m_users->as("clerk1")
                                   .get("/api/v1/cases/" + id + "/attachments/" + stored.value("signature").toString()
                                        + "/content")
                                   .body;
        QVERIFY(darkPixels(QImage::fromData(png)) > 50);

        // The customer screen asks for the rating with its own token; key 2 is 不满意.
        QVERIFY(screen.isRating());
        const QList<QPushButton *> levels = {byAccessibleName<QPushButton>(&screen, "Very satisfied"),
                                              byAccessibleName<QPushButton>(&screen, "Dissatisfied")};
        QVERIFY(levels[0] && levels[1]);
        QTRY_VERIFY_WITH_TIMEOUT(levels[1]->isEnabled(), 30000);
        QSignalSpy rated(&screen, &client::CustomerScreen::rated);
        QTest::keyClick(&screen, Qt::Key_2);
        QVERIFY(rated.wait(30000));
        QCOMPARE(rated.at(0).at(2).toInt(), 2);
        QVERIFY(!screen.isRating());
        const QJsonArray ratings = m_users->as("clerk1").get("/api/v1/cases/" + id + "/evaluations").object()
                                       .value("items").toArray();
        QCOMPARE(ratings.size(), 1);
        QCOMPARE(ratings[0].toObject().value("level").toInt(), 2);
        QCOMPARE(ratings[0].toObject().value("channel").toString(), QStringLiteral("counter"));
        // A second key does nothing: the screen thanked the citizen and is clearing.
        QTest::keyClick(&screen, Qt::Key_5);
        QCOMPARE(rated.count(), 1);
        // Shown for the citizen's turn (one monitor), it hides again once thanked.
        QTRY_VERIFY_WITH_TIMEOUT(!screen.isVisible(), 15000);
    }

    // The barcode gun types the number and Enter: the one case found opens at once.
    void barcodeOpensTheCase()
    {
        const QString id = resultReady();
        const QString number = caseOf(id).value("number").toString();
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "clerk1"));
        client::DeliveryPage page(&api, nullptr, nullptr);
        page.show();
        // The dialog runs its own event loop: a timer looks at it from there, once its case is loaded.
        QString opened;
        int dialogs = 0;
        QTimer watcher;
        connect(&watcher, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->windowTitle().contains(number))
                return;
            opened = dialog->windowTitle();
            ++dialogs;
            dialog->reject();
        });
        watcher.start(50);
        auto *find = byAccessibleName<QLineEdit>(&page, "Find a result");
        find->setFocus();
        QTest::keyClicks(find, number.toLower());
        QTest::keyClick(find, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(opened.contains(number), 30000);
        QTest::qWait(300);
        QCOMPARE(dialogs, 1); // one scan, one dialog
        // Nothing waiting under a number: said so.
        QTest::keyClicks(find, "X");
        QTest::keyClick(find, Qt::Key_Return);
        const auto said = [&] {
            for (QLabel *label : page.findChildren<QLabel *>())
                if (label->isVisible() && label->text() == "No result waiting for " + find->text() + ".")
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(said(), 30000);
    }

    // An agent without the authorisation scanned, and no signature: the server's reasons in words,
    // every one at once; nothing handed out.
    void refusedWithReasons()
    {
        const QString id = resultReady();
        client::DeliveryDialog dialog(m_clerk1Cases.get(), id, nullptr, nullptr);
        dialog.show();
        auto *handOut = byAccessibleName<QPushButton>(&dialog, "Hand out");
        QTRY_VERIFY_WITH_TIMEOUT(handOut->isEnabled(), 30000);
        auto *kind = byAccessibleName<QComboBox>(&dialog, "Collected by");
        kind->setCurrentIndex(kind->findData("agent"));
        byAccessibleName<QLineEdit>(&dialog, "Recipient's name")->setText(QStringLiteral("李四"));
        byAccessibleName<QLineEdit>(&dialog, "Recipient's ID number")->setText("110101199003070935");
        QTest::mouseClick(handOut, Qt::LeftButton);
        QLabel *message = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((message = [&]() -> QLabel * {
                                      for (QLabel *l : dialog.findChildren<QLabel *>())
                                          if (l->text().startsWith("Some entries need attention."))
                                              return l;
                                      return nullptr;
                                  }()),
                                 30000);
        QVERIFY2(message->text().contains("written authorisation: scan it first"), qPrintable(message->text()));
        QVERIFY2(message->text().contains("on the customer screen, or scan the signed receipt"), qPrintable(message->text()));
        QVERIFY(handOut->isEnabled());
        QCOMPARE(caseOf(id).value("status").toString(), QStringLiteral("result_ready"));
    }

    // By mail: the tracking number instead of a signature.
    void byMail()
    {
        const QString id = resultReady();
        client::DeliveryDialog dialog(m_clerk1Cases.get(), id, nullptr, nullptr);
        dialog.show();
        auto *handOut = byAccessibleName<QPushButton>(&dialog, "Hand out");
        QTRY_VERIFY_WITH_TIMEOUT(handOut->isEnabled(), 30000);
        auto *method = byAccessibleName<QComboBox>(&dialog, "How");
        auto *tracking = byAccessibleName<QLineEdit>(&dialog, "Tracking number");
        QVERIFY(!tracking->isEnabled());
        method->setCurrentIndex(method->findData("mail"));
        QVERIFY(tracking->isEnabled());
        QVERIFY(byAccessibleName<QLabel>(&dialog, "not needed for mail"));
        byAccessibleName<QLineEdit>(&dialog, "Recipient's ID number")->setText("11010519491231002x");
        tracking->setText("EMS1234567890");
        QSignalSpy delivered(&dialog, &client::DeliveryDialog::delivered);
        QTest::mouseClick(handOut, Qt::LeftButton);
        QVERIFY(delivered.wait(30000));
        const QJsonObject stored = m_users->as("clerk1").get("/api/v1/cases/" + id + "/delivery").object();
        QCOMPARE(stored.value("method").toString(), QStringLiteral("mail"));
        QCOMPARE(stored.value("trackingNumber").toString(), QStringLiteral("EMS1234567890"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_DeliveryPage)
#include "tst_deliverypage.moc"
