// The typed case calls and the approver's queue against a real server: parts, decisions,
// resubmission, an attachment's bytes, and the queue paged by priority as a view scrolls.
#include "models/apiclient.h"
#include "apisignin.h"
#include "models/caseapi.h"
#include "models/modelenums.h"
#include "models/pagestopdf.h"
#include "models/reviewqueuemodel.h"
#include "models/serverclock.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

namespace {

template<typename T>
ApiResult<T> await(std::function<void(CaseApi::Done<T>)> start)
{
    std::optional<ApiResult<T>> answer;
    start([&answer](const ApiResult<T> &r) { answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 60000))
        qFatal("no answer");
    return *answer;
}

} // namespace

class tst_CaseApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    ApiClient m_approver;
    ApiClient m_clerk;

    // Accepted by clerk1; `green` puts it in the green channel.
    QString accept(const QString &matter, bool green = false) { return acceptSampleCase(m_users->as("clerk1"), matter, green); }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        for (ApiClient *api : {&m_approver, &m_clerk})
            api->setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_approver, "approver-hf"));
        QVERIFY(signInAndWait(m_clerk, "clerk1"));
    }

    void queryPaths()
    {
        CaseQuery q;
        QCOMPARE(q.path(), QStringLiteral("/cases?limit=50"));
        q.states = {"accepted", "under_review"};
        q.department = "HF";
        q.part = "pending";
        q.dueBefore = QDate(2026, 12, 1);
        q.greenChannelOnly = true;
        q.overdueOnly = true;
        q.byPriority = true;
        q.limit = 20;
        QCOMPARE(q.path(), QStringLiteral("/cases?limit=20&state=accepted,under_review&department=HF&part=pending"
                                          "&dueBefore=2026-12-01&greenChannel=true&overdue=true&sort=priority"));
    }

    // Return with two reasons, resubmit, approve; every answer typed.
    void decideAndResubmit()
    {
        CaseApi cases(&m_approver);
        CaseApi counter(&m_clerk);
        const QString id = accept("HF-001");
        auto parts = await<QList<CasePart>>([&](auto done) { cases.fetchParts(id, done, this); });
        QVERIFY(parts.ok());
        QCOMPARE(parts.value->size(), 1);
        QCOMPARE(parts.value->at(0).status, QStringLiteral("pending"));
        QCOMPARE(parts.value->at(0).department, QStringLiteral("HF"));

        // A decision needs the case's ETag: read it first, as the review dialog does.
        QVERIFY(await<QJsonObject>([&](auto done) { cases.fetchCase(id, done, this); }).ok());
        Decision back;
        back.matter = "HF-001";
        back.kind = Decision::Kind::ReturnForCorrection;
        back.reasons = {QStringLiteral("劳动合同缺少盖章"), QStringLiteral("缴存基数与合同不符")};
        auto decided = await<QJsonObject>([&](auto done) { cases.decide(id, back, done, this); });
        QVERIFY2(decided.ok(), qPrintable(decided.error.userMessage()));
        QCOMPARE(decided.value->value("status").toString(), QStringLiteral("returned_for_correction"));
        parts = await<QList<CasePart>>([&](auto done) { counter.fetchParts(id, done, this); });
        QCOMPARE(parts.value->at(0).reasons, back.reasons);
        QCOMPARE(parts.value->at(0).decidedBy, QStringLiteral("approver-hf"));

        QVERIFY(await<QJsonObject>([&](auto done) { counter.fetchCase(id, done, this); }).ok());
        Resubmission fix;
        fix.materials = {{"LABOR_CONTRACT", "scan"}};
        fix.note = QStringLiteral("已补盖章");
        auto resubmitted = await<QJsonObject>([&](auto done) { counter.resubmit(id, fix, done, this); });
        QVERIFY2(resubmitted.ok(), qPrintable(resubmitted.error.userMessage()));
        QCOMPARE(resubmitted.value->value("status").toString(), QStringLiteral("under_review"));

        // The approver's copy of the case is stale now: the server says so, in words.
        Decision approve{"HF-001", Decision::Kind::Approve, {}, {}};
        auto stale = await<QJsonObject>([&](auto done) { cases.decide(id, approve, done, this); });
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error.status, 412);
        QVERIFY(!stale.error.userMessage().isEmpty());
        QVERIFY(await<QJsonObject>([&](auto done) { cases.fetchCase(id, done, this); }).ok());
        auto approved = await<QJsonObject>([&](auto done) { cases.decide(id, approve, done, this); });
        QVERIFY2(approved.ok(), qPrintable(approved.error.userMessage()));
        QCOMPARE(approved.value->value("status").toString(), QStringLiteral("approved"));
        // Decided is decided, said in words.
        auto again = await<QJsonObject>([&](auto done) { cases.decide(id, approve, done, this); });
        QCOMPARE(again.error.status, 409);
        QCOMPARE(again.error.userMessage(), QStringLiteral("This part of the case is decided already."));
        // No result while a deficient material is outstanding, said in words too.
        const QJsonObject body = sampleIntake(m_users->as("clerk1"), "HF-001", "SZ",
                                              samplePerson(QStringLiteral("张三"), "11010519491231002X"),
                                              {"LABOR_CONTRACT"});
        const QString owing = m_users->as("clerk1")
                                  .post("/api/v1/cases", toJson(body), {{"Idempotency-Key", QUuid::createUuid().toByteArray()}})
                                  .object().value("id").toString();
        QVERIFY(await<QJsonObject>([&](auto done) { cases.fetchCase(owing, done, this); }).ok());
        QVERIFY(await<QJsonObject>([&](auto done) { cases.decide(owing, approve, done, this); }).ok());
        const auto refused = await<QJsonObject>([&](auto done) {
            cases.recordResult(owing, CaseResult{QStringLiteral("证字第1号"), QDate(2026, 11, 27), {}}, done, this);
        });
        QCOMPARE(refused.error.status, 409);
        QCOMPARE(refused.error.userMessage(),
                 QStringLiteral("Not while a deficient material is outstanding: the applicant must supply it first."));
    }

    // The attached scan comes back byte for byte, for the viewer.
    void attachmentBytes()
    {
        const QString id = accept("HF-001");
        QImage page(200, 280, QImage::Format_RGB32);
        page.fill(Qt::white);
        const QByteArray pdf = pagesToPdf({page});
        std::optional<ApiResponse> uploaded;
        m_clerk.upload(CaseApi::casePath(id) + "/attachments?filename=contract.pdf", pdf, "application/pdf",
                       [&](const ApiResponse &r) { uploaded = r; });
        QTRY_VERIFY_WITH_TIMEOUT(uploaded.has_value(), 60000);
        QCOMPARE(uploaded->status, 201);
        CaseApi cases(&m_approver);
        const auto list = await<QList<CaseAttachment>>([&](auto done) { cases.fetchAttachments(id, done, this); });
        QVERIFY(list.ok());
        QCOMPARE(list.value->size(), 1);
        QCOMPARE(list.value->at(0).filename, QStringLiteral("contract.pdf"));
        QCOMPARE(list.value->at(0).mediaType, QStringLiteral("application/pdf"));
        const auto bytes = await<QByteArray>(
            [&](auto done) { cases.fetchAttachmentContent(id, list.value->at(0).id, done, this); });
        QVERIFY(bytes.ok());
        QCOMPARE(*bytes.value, pdf);
        // Out of scope: another department's approver gets nothing, as if it did not exist.
        ApiClient other;
        other.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(other, "approver-mr"));
        CaseApi otherCases(&other);
        const auto refused = await<QByteArray>(
            [&](auto done) { otherCases.fetchAttachmentContent(id, list.value->at(0).id, done, this); });
        QCOMPARE(refused.error.status, 404);
    }

    // The queue: green first, then the soonest promised date; paged as a view asks for more.
    void queueByPriority()
    {
        const QString green = accept("HF-002", true);
        for (int i = 0; i < 4; ++i)
            accept("HF-001");
        ReviewQueueModel model(&m_approver);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ApiListModel::loaded);
        CaseQuery q;
        q.department = "HF";
        q.part = "pending";
        q.byPriority = true;
        q.limit = 2;
        model.load(q.path());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(int(ReviewRole::Id)).toString(), green);
        QCOMPARE(model.index(0, ReviewColumn::Priority).data().toString(), QStringLiteral("Green channel"));
        // Everything pending of HF, page by page as a view (and the model tester) asks for more,
        // each case once, in priority order.
        QVERIFY(model.canLoadMore());
        while (model.canLoadMore() || model.isLoading()) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QVERIFY(loaded.wait(30000));
        }
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.index(row, 0).data(int(ReviewRole::Id)).toString());
            if (row == 0)
                continue;
            const auto key = [&model](int r) {
                return std::make_pair(!model.index(r, 0).data(int(ReviewRole::GreenChannel)).toBool(),
                                      model.index(r, 0).data(int(ReviewRole::PromisedDueDate)).toDate());
            };
            QVERIFY2(key(row - 1) <= key(row), qPrintable(QString::number(row)));
        }
        QCOMPARE(ids.size(), model.rowCount());
        QVERIFY(model.rowCount() >= 5);
        // The time left in words, from the server's date, and again when it turns.
        const QDate due = model.index(1, 0).data(int(ReviewRole::PromisedDueDate)).toDate();
        QCOMPARE(model.index(1, ReviewColumn::TimeLeft).data().toString(),
                 ReviewQueueModel::timeLeftText(due, QDate(2026, 11, 27)));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_approver.clock()->learn({{"today", due.addDays(2).toString(Qt::ISODate)},
                                           {"now", due.addDays(2).toString(Qt::ISODate) + "T09:00:00.000+08:00"}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, ReviewColumn::TimeLeft).data().toString(), QStringLiteral("2 days late"));
        QVERIFY(m_approver.clock()->learn({{"today", "2026-11-27"}, {"now", "2026-11-27T09:00:00.000+08:00"}}));

        // The counts say the same.
        CaseApi cases(&m_approver);
        const auto counts = await<ReviewCounts>([&](auto done) { cases.fetchReviewCounts(done, this); });
        QVERIFY(counts.ok());
        QCOMPARE(counts.value->pending, model.rowCount());
        QCOMPARE(counts.value->greenChannel, 1);
        QCOMPARE(counts.value->overdue, 0);
    }

    void timeLeftInWords()
    {
        const QDate today(2026, 11, 27);
        QCOMPARE(ReviewQueueModel::timeLeftText(today.addDays(3), today), QStringLiteral("3 days left"));
        QCOMPARE(ReviewQueueModel::timeLeftText(today.addDays(1), today), QStringLiteral("1 day left"));
        QCOMPARE(ReviewQueueModel::timeLeftText(today, today), QStringLiteral("Due today"));
        QCOMPARE(ReviewQueueModel::timeLeftText(today.addDays(-1), today), QStringLiteral("1 day late"));
        QCOMPARE(ReviewQueueModel::timeLeftText({}, today), QString());
    }

    // A size no qint64 holds (fuzz/corpus/client_json/crash-bdb7e14e…) reads as 0, not as
    // undefined behaviour; whole sizes as they are.
    void attachmentSizesOutOfRange()
    {
        const QJsonObject answer{{"items", QJsonArray{QJsonObject{{"id", "a"}, {"size", 1.02422e115}},
                                                      QJsonObject{{"id", "b"}, {"size", 123456}},
                                                      QJsonObject{{"id", "c"}, {"size", -1e300}}}}};
        const QList<CaseAttachment> files = CaseAttachment::listFromJson(answer);
        QCOMPARE(files.size(), 3);
        QCOMPARE(files[0].size, 0);
        QCOMPARE(files[1].size, 123456);
        QCOMPARE(files[2].size, 0);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_CaseApi)
#include "tst_caseapi.moc"
