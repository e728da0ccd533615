#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QTimer;

namespace onewindow::models {
class CatalogSync;
class LocalStore;
class NumberStock;
class Session;
class SyncEngine;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
}

namespace onewindow::client {

class Languages;
class CustomerScreen;
class IntakePage;
class WorkbenchPageWidget;

/// The main window: the role's workbench (navigation on the left, the page on the right), a
/// status bar that says who is signed in, where, and whether the server is reachable.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Services
    {
        models::Session *session;
        models::LocalStore *store;
        models::CatalogSync *sync;
        Languages *languages;
        const sdk::Registries *registries = nullptr;       ///< plugin contributions, if any
        std::function<void(QWidget *parent)> showAboutPlugins; ///< opens Help > About Plugins
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Navigation entries, as shown (for tests).
    QStringList navigationEntries() const;
    /// Shows the page at a navigation row.
    void showPage(int row);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Entry;
    void buildMenus();
    void buildWorkbench();
    /// The local drafts become the signed-in user's at their centre; drafts of anyone not saved
    /// for drafts/keepHours (72) by the server's clock are removed.
    void claimDrafts();
    void addPage(const QString &id, WorkbenchPageWidget *page, const QString &shortcut = {});
    void addPluginPages();
    void addHeading(const QString &department);
    void retranslate();
    void updateStatus();
    void updateClockStatus();
    void checkServer();
    void reauthenticate(const QString &reason);
    /// An offline session whose server is back: asks to sign in, to send what waits.
    void goOnline();
    /// Pages that need the server are unavailable in an offline session; the intake queues.
    void applyConnectionMode();
    /// After an online sign-in: tops up the centre's reserved numbers and sends the outbox.
    void startSync();
    void updateSyncStatus(const QString &activity = {});
    void zoom(int steps);
    QString titleFor(const QString &id) const;
    /// The customer screen follows the intake and asks for its rating once accepted.
    void followIntake(IntakePage *page);

    Services m_services;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_userLabel;
    QLabel *m_placeLabel;
    QLabel *m_connectionLabel;
    QLabel *m_catalogLabel;
    QLabel *m_clockLabel; ///< this PC's clock against the server's; hidden when they agree
    QLabel *m_syncLabel;  ///< intakes taken in offline: waiting, being sent, all sent
    IntakePage *m_intake = nullptr;
    models::NumberStock *m_numbers = nullptr;  ///< clerks and agents: the centre's reserved numbers
    models::SyncEngine *m_syncEngine = nullptr; ///< clerks and agents: sends the outbox
    QTimer *m_healthTimer;
    std::unique_ptr<CustomerScreen> m_customerScreen; ///< the counter's (clerks and agents); a window of its own
    bool m_reachable = true;
    bool m_reauthenticating = false;
    bool m_sentThisRun = false; ///< the outbox sent something since the client started
    QString m_catalogState;
    int m_zoomSteps = 0;
    qreal m_basePointSize = 0;
    QList<QAction *> m_actions;
};

} // namespace onewindow::client
