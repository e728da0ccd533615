// The approver's queue in the client over a large database (bench_queue --keep fills one): the
// GUI-thread work of each page of models::ReviewQueueModel, from the reply's arrival (the
// network manager's finished signal) to the rows being in the model and in a table view that
// reacts as the queue page's does (client/review/reviewqueuepage.cpp: resize the columns to
// their contents, select the first row), which must fit in a 16 ms frame; then the repaint of
// the view; and the time to the first page from asking. Pages after the first come through
// canFetchMore()/fetchMore(), as a view asks for them when scrolled to the end. No goal is
// asserted; see bench/README.md, "Approver's queue at 1,000,000 cases".
#include "models/apiclient.h"
#include "models/caseapi.h"
#include "models/reviewqueuemodel.h"

#include "benchserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#ifndef ONEWINDOW_SERVER_PATH
#define ONEWINDOW_SERVER_PATH "onewindow-server"
#endif

namespace {

using onewindow::models::ApiClient;
using onewindow::models::ReviewQueueModel;

constexpr double kFrameMs = 16.0;

double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

double ms(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

struct Page
{
    int number = 0;
    double handlingMs = 0; ///< from the reply's arrival to the rows in the model and the view
    double paintMs = 0;    ///< the view's repaint after it
    double totalMs = 0;    ///< from asking to the rows in the model
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The approver's queue model, page by page, against a real server."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("server-url"), QStringLiteral("A running server (else one is started)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The database of the server started here, e.g. sqlite:queue-1000000.sqlite "
                                     "(from bench_queue --keep)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The onewindow-server binary."), QStringLiteral("PATH"),
                      QStringLiteral(ONEWINDOW_SERVER_PATH)});
    parser.addOption({QStringLiteral("user"), QStringLiteral("Who signs in (password: ONEWINDOW_PASSWORD, else the "
                                                             "demo password)."),
                      QStringLiteral("NAME"), QStringLiteral("approver-hf")});
    parser.addOption({QStringLiteral("department"), QStringLiteral("The queue's department."), QStringLiteral("CODE"),
                      QStringLiteral("HF")});
    parser.addOption({QStringLiteral("pages"), QStringLiteral("Pages per walk, the first included."),
                      QStringLiteral("N"), QStringLiteral("21")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Walks from the first page."), QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("model-only"),
                      QStringLiteral("Without the page's reaction (columns resized to their contents): the model "
                                     "and the view's own updates alone.")});
    parser.process(app);

    std::unique_ptr<Server> server;
    QUrl url(parser.value(QStringLiteral("server-url")));
    if (!parser.isSet(QStringLiteral("server-url"))) {
        if (!parser.isSet(QStringLiteral("database"))) {
            std::fprintf(stderr, "bench_queue_model: --server-url or --database is needed\n");
            return 2;
        }
        server = std::make_unique<Server>(parser.value(QStringLiteral("server")), parser.value(QStringLiteral("database")));
        url = server->url();
        if (!url.isValid()) {
            std::fprintf(stderr, "bench_queue_model: the server did not start\n");
            return 1;
        }
    }
    const int pages = std::max(1, parser.value(QStringLiteral("pages")).toInt());
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());

    ApiClient api;
    api.setBaseUrl(url);
    api.setTimeout(60000);
    const QByteArray password = qgetenv("ONEWINDOW_PASSWORD");
    bool signedIn = false;
    bool answered = false;
    api.signIn(parser.value(QStringLiteral("user")),
               password.isEmpty() ? QStringLiteral("OneWindow-demo-1") : QString::fromUtf8(password),
               [&](const onewindow::models::ApiResult<onewindow::models::UserInfo> &r) {
                   signedIn = r.ok();
                   answered = true;
                   if (!r.ok())
                       std::fprintf(stderr, "sign-in failed: %s\n", qPrintable(r.error.userMessage()));
               });
    if (!waitFor([&] { return answered; }, 60000) || !signedIn)
        return 1;

    // The queue page's table and what it does on each page (reviewqueuepage.cpp, pages.cpp).
    ReviewQueueModel model(&api);
    QTableView view;
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::SingleSelection);
    view.setEditTriggers(QAbstractItemView::NoEditTriggers);
    view.setAlternatingRowColors(true);
    view.horizontalHeader()->setStretchLastSection(true);
    view.verticalHeader()->hide();
    view.setModel(&model);
    view.resize(1280, 720);
    view.show();
    const bool modelOnly = parser.isSet(QStringLiteral("model-only"));
    bool columnsSized = false; // as the queue page: the columns fit the first page only
    QObject::connect(&model, &ReviewQueueModel::loaded, &view, [&] {
        if (!modelOnly && !columnsSized) {
            view.resizeColumnsToContents();
            columnsSized = model.rowCount() > 0;
        }
        if (model.rowCount() > 0 && !view.currentIndex().isValid())
            view.setCurrentIndex(model.index(0, 0));
    });

    // The reply's arrival: the network manager's finished signal comes before the callbacks of
    // the reply's own finished signal, ApiClient's among them.
    auto *network = api.findChild<QNetworkAccessManager *>();
    if (!network) {
        std::fprintf(stderr, "bench_queue_model: ApiClient has no QNetworkAccessManager child\n");
        return 1;
    }
    QElapsedTimer handling, asked;
    bool arrived = false;
    bool loaded = false;
    QString failure;
    Page current;
    QObject::connect(network, &QNetworkAccessManager::finished, &app, [&] {
        arrived = true;
        handling.start();
    });
    QObject::connect(&model, &ReviewQueueModel::failed, &app, [&](const QString &message) {
        failure = message;
        loaded = true;
    });
    // Connected after the view's handler, so that its work is counted.
    QObject::connect(&model, &ReviewQueueModel::loaded, &app, [&] {
        current.handlingMs = arrived ? ms(handling) : -1;
        current.totalMs = ms(asked);
        loaded = true;
    });

    onewindow::models::CaseQuery query;
    query.department = parser.value(QStringLiteral("department"));
    query.part = QStringLiteral("pending");
    query.byPriority = true;

    std::vector<Page> measured;
    int rowsAtEnd = 0;
    for (int round = 0; round < rounds; ++round) {
        for (int page = 1; page <= pages; ++page) {
            if (page > 1 && !model.canFetchMore({}))
                break;
            current = Page{page, 0, 0, 0};
            arrived = false;
            loaded = false;
            asked.start();
            if (page == 1)
                model.load(query.path());
            else
                model.fetchMore({});
            if (!waitFor([&] { return loaded; }, 60000) || !failure.isEmpty()) {
                std::fprintf(stderr, "page %d: %s\n", page, failure.isEmpty() ? "no answer" : qPrintable(failure));
                return 1;
            }
            QElapsedTimer paint;
            paint.start();
            view.viewport()->repaint();
            current.paintMs = ms(paint);
            measured.push_back(current);
        }
        rowsAtEnd = model.rowCount();
    }

    std::printf("approver's queue (%s, part=pending, sort=priority, 50 a page) at %s, %d walks of up to %d pages, "
                "%d rows at the end of a walk%s\n",
                qPrintable(query.department), qPrintable(url.toString()), rounds, pages, rowsAtEnd,
                modelOnly ? ", model and view only (no column resizing)" : ", as the queue page (columns resized)");
    std::printf("%6s %8s %14s %14s %10s %10s %16s\n", "page", "samples", "handling p50", "handling max", "paint p50",
                "paint max", "asked->rows p50");
    const auto column = [&](int page, auto field) {
        std::vector<double> values;
        for (const Page &p : measured)
            if (p.number == page)
                values.push_back(p.*field);
        return values;
    };
    std::vector<double> further, furtherFrame;
    bool unseen = false;
    for (int page = 1; page <= pages; ++page) {
        const auto h = column(page, &Page::handlingMs);
        if (h.empty())
            break;
        const auto p = column(page, &Page::paintMs);
        const auto t = column(page, &Page::totalMs);
        unseen = unseen || *std::min_element(h.begin(), h.end()) < 0;
        std::printf("%6d %8zu %11.2f ms %11.2f ms %7.2f ms %7.2f ms %13.2f ms\n", page, h.size(), percentile(h, 0.5),
                    percentile(h, 1.0), percentile(p, 0.5), percentile(p, 1.0), percentile(t, 0.5));
        if (page > 1) {
            further.insert(further.end(), h.begin(), h.end());
            for (std::size_t i = 0; i < h.size(); ++i)
                furtherFrame.push_back(h[i] + p[i]);
        }
    }
    const auto first = column(1, &Page::handlingMs);
    const auto firstTotal = column(1, &Page::totalMs);
    std::printf("first page: handling p50 %.2f ms (max %.2f), time to first page p50 %.2f ms (max %.2f)\n",
                percentile(first, 0.5), percentile(first, 1.0), percentile(firstTotal, 0.5), percentile(firstTotal, 1.0));
    if (!further.empty())
        std::printf("further pages: handling p50 %.2f ms, p99 %.2f ms, max %.2f ms; with the repaint p99 %.2f ms\n",
                    percentile(further, 0.5), percentile(further, 0.99), percentile(further, 1.0),
                    percentile(furtherFrame, 0.99));
    const double worst = std::max(percentile(first, 1.0), further.empty() ? 0.0 : percentile(further, 1.0));
    std::printf("goal: each page's handling within a %.0f ms frame: %s (worst %.2f ms)\n", kFrameMs,
                worst < kFrameMs ? "PASS" : "MISS", worst);
    if (unseen)
        std::printf("note: a reply's arrival was not seen before its page was loaded (handling shown as -1)\n");
    return 0;
}
