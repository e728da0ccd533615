// The reference for the client's start-up: a minimal Qt Widgets program with a small form,
// measured the same way (time to the first event-loop turn after show(), resident memory).
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

#include <cstdio>
#include <fstream>
#include <string>

namespace {
long residentKilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            long kb = 0;
            status >> kb;
            return kb;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QApplication app(argc, argv);
    QDialog dialog;
    auto *form = new QFormLayout(&dialog);
    form->addRow(QStringLiteral("Server:"), new QLineEdit(&dialog));
    form->addRow(QStringLiteral("Username:"), new QLineEdit(&dialog));
    form->addRow(QStringLiteral("Password:"), new QLineEdit(&dialog));
    form->addRow(new QPushButton(QStringLiteral("Sign in"), &dialog));
    dialog.show();
    QTimer::singleShot(0, &app, [&] {
        std::printf("startup-ms %lld\nrss-kb %ld\n", static_cast<long long>(started.elapsed()), residentKilobytes());
        std::fflush(stdout);
        app.quit();
    });
    return app.exec();
}
