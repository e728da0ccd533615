#pragma once

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class QThreadPool;

#include <atomic>
#include <functional>
#include <memory>

namespace onewindow::models {

/// A scanner a clerk can choose: the id to scan with and a description for people.
struct ScannerDevice
{
    QString id; ///< e.g. "genesys:libusb:001:004"
    QString description; ///< e.g. "Canon LiDE 220 (flatbed scanner)"
};

/// How to scan. Options the device does not have are left alone.
struct ScanOptions
{
    enum class Mode { Color, Gray, Lineart };

    int resolution = 300; ///< dots per inch; the nearest the device offers
    Mode mode = Mode::Gray;
    QString source; ///< e.g. "Automatic Document Feeder"; empty: the device's choice
    int pages = 1; ///< pages to scan; 0: until the document feeder is empty
    QVariantMap extra; ///< further device options by their SANE name, e.g. {"test-picture": "Grid"}
};

/// Where scanned pages come from. Every call returns at once: the work runs on a worker thread and
/// answers with signals on the scanner's thread, so the GUI never waits for a device.
class Scanner : public QObject
{
    Q_OBJECT

public:
    explicit Scanner(QObject *parent = nullptr);
    ~Scanner() override;

    /// The devices found by the last refreshDevices() (empty before it answered).
    QList<ScannerDevice> devices() const { return m_devices; }
    /// Looks for devices; devicesChanged() when done.
    virtual void refreshDevices() = 0;
    /// Scans with `deviceId`: pageProgress() and pageScanned() while it runs, then finished() or failed().
    /// Refused (failed()) while another scan of this scanner runs.
    virtual void scan(const QString &deviceId, const ScanOptions &options = {}) = 0;
    /// Stops a running scan; it then fails with a "cancelled" message.
    void cancel() { m_cancelled->store(true); }
    bool isBusy() const { return m_busy; }

signals:
    void devicesChanged();
    /// `page` counts from 1; `percent` of that page read so far.
    void pageProgress(int page, int percent);
    void pageScanned(int page);
    void finished(const QList<QImage> &pages);
    /// A sentence in the user's language saying what went wrong and, when it helps, what to do.
    void failed(const QString &message);

protected:
    /// What a worker reports: the pages, or why there are none.
    struct Outcome
    {
        QList<QImage> pages;
        QString error; ///< empty on success
    };
    /// Runs `work` on a worker thread and reports its outcome; false (and failed()) when busy.
    bool run(std::function<Outcome(const std::shared_ptr<std::atomic<bool>> &cancelled)> work);
    /// Runs `work` on a worker thread, keeps its list and emits devicesChanged() on this object's thread.
    void runDevices(std::function<QList<ScannerDevice>()> work);
    /// From a worker thread: reports progress on this object's thread.
    void postProgress(int page, int percent);
    void postPageScanned(int page);
    /// Cancels and waits for the workers (destructors call it before their members go).
    void stopWorkers();
    /// Where the workers run (the global pool unless a scanner needs its own).
    virtual QThreadPool *pool() const;
    /// Called on this object's thread just before finished() is emitted (the outcome is final).
    virtual void aboutToFinish() { }

private:
    QList<ScannerDevice> m_devices;
    bool m_busy = false;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QFuture<void> m_worker;
    QFuture<void> m_deviceWorker;
};

/// Scans through SANE (libsane). SANE is initialised once per process while any SaneScanner
/// lives; every call into it runs on a worker thread, one at a time.
class SaneScanner : public Scanner
{
    Q_OBJECT

public:
    explicit SaneScanner(QObject *parent = nullptr);
    ~SaneScanner() override;

    void refreshDevices() override;
    void scan(const QString &deviceId, const ScanOptions &options = {}) override;

protected:
    /// One thread for every SANE call of the process: a long scan never holds up other work.
    QThreadPool *pool() const override;
};

/// "Import from file": PNG and JPEG files become pages; PDF files are kept as they are.
class FileImportScanner : public Scanner
{
    Q_OBJECT

public:
    struct Document
    {
        QString fileName; ///< the name without its folder
        QByteArray content;
    };

    explicit FileImportScanner(QObject *parent = nullptr);
    ~FileImportScanner() override;

    /// The files the next scan() reads.
    void setFiles(const QStringList &paths) { m_files = paths; }
    QStringList files() const { return m_files; }
    /// The PDF files of the last finished import, as they were.
    QList<Document> documents() const { return m_documents; }

    /// One pseudo-device, "file".
    void refreshDevices() override;
    /// `deviceId` and `options` are ignored: the files set are read.
    void scan(const QString &deviceId = {}, const ScanOptions &options = {}) override;

protected:
    void aboutToFinish() override;

private:
    QStringList m_files;
    QList<Document> m_documents;
    std::shared_ptr<QList<Document>> m_pendingDocuments;
};

} // namespace onewindow::models
