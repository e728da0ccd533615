#include "scanner.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#if ONEWINDOW_HAVE_SANE
#include <sane/sane.h>
#include <sane/saneopts.h>
#endif

namespace onewindow::models {

// ---------------------------------------------------------------------------------------------
// Scanner

Scanner::Scanner(QObject *parent)
    : QObject(parent)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{ }

Scanner::~Scanner()
{
    stopWorkers();
}

void Scanner::stopWorkers()
{
    m_cancelled->store(true);
    m_worker.waitForFinished();
    m_deviceWorker.waitForFinished();
}

bool Scanner::run(std::function<Outcome(const std::shared_ptr<std::atomic<bool>> &cancelled)> work)
{
    if (m_busy) {
        emit failed(tr("The scanner is still busy with the previous scan. Wait until it has finished."));
        return false;
    }
    m_busy = true;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    const auto cancelled = m_cancelled;
    m_worker = QtConcurrent::run(pool(), [this, work = std::move(work), cancelled] {
        const Outcome outcome = work(cancelled);
        // Queued to this object: dropped if it is gone (its destructor waits for this worker first).
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                m_busy = false;
                if (outcome.error.isEmpty()) {
                    aboutToFinish();
                    emit finished(outcome.pages);
                } else {
                    emit failed(outcome.error);
                }
            },
            Qt::QueuedConnection);
    });
    return true;
}

void Scanner::runDevices(std::function<QList<ScannerDevice>()> work)
{
    if (m_deviceWorker.isRunning())
        return; // the answer on its way serves this call too
    m_deviceWorker = QtConcurrent::run(pool(), [this, work = std::move(work)] {
        const QList<ScannerDevice> devices = work();
        QMetaObject::invokeMethod(
            this,
            [this, devices] {
                m_devices = devices;
                emit devicesChanged();
            },
            Qt::QueuedConnection);
    });
}

QThreadPool *Scanner::pool() const
{
    return QThreadPool::globalInstance();
}

void Scanner::postProgress(int page, int percent)
{
    QMetaObject::invokeMethod(
        this, [this, page, percent] { emit pageProgress(page, percent); }, Qt::QueuedConnection);
}

void Scanner::postPageScanned(int page)
{
    QMetaObject::invokeMethod(
        this, [this, page] { emit pageScanned(page); }, Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------
// SANE

#if ONEWINDOW_HAVE_SANE

namespace {

/// SANE is process-wide: initialised once while scanners live, every call made under one lock.
struct SaneState
{
    QMutex mutex; // held for every call into SANE
    std::atomic<int> users = 0; // SaneScanner objects alive
    bool initialised = false; // guarded by mutex
};

SaneState &saneState()
{
    static SaneState state;
    return state;
}

constexpr double fixedScale = 65536.0; // SANE_Fixed has 16 fraction bits

QString statusText(SANE_Status status)
{
    return QString::fromUtf8(sane_strstatus(status));
}

QString statusMessage(SANE_Status status)
{
    switch (status) {
    case SANE_STATUS_DEVICE_BUSY:
        return SaneScanner::tr("The scanner is busy. Wait until it is free, then scan again.");
    case SANE_STATUS_JAMMED:
        return SaneScanner::tr("Paper is jammed in the scanner. Remove it, then scan again.");
    case SANE_STATUS_NO_DOCS:
        return SaneScanner::tr("There is no paper in the document feeder. Put the pages in, then scan again.");
    case SANE_STATUS_COVER_OPEN:
        return SaneScanner::tr("The scanner's cover is open. Close it, then scan again.");
    case SANE_STATUS_IO_ERROR:
        return SaneScanner::tr("The scanner stopped answering. Check its cable and power, then scan again.");
    case SANE_STATUS_NO_MEM:
        return SaneScanner::tr("There is not enough memory for this scan. Choose a lower resolution and scan again.");
    case SANE_STATUS_ACCESS_DENIED:
        return SaneScanner::tr("This computer may not use the scanner. Ask your administrator for access.");
    case SANE_STATUS_CANCELLED:
        return SaneScanner::tr("The scan was cancelled.");
    default:
        return SaneScanner::tr("The scanner reported a problem (%1). Scan again; if it happens again, switch the "
                               "scanner off and on.")
            .arg(statusText(status));
    }
}

/// Under the lock: initialises SANE when it is not.
bool ensureSane(QString *error)
{
    SaneState &state = saneState();
    if (state.initialised)
        return true;
    SANE_Int version = 0;
    const SANE_Status status = sane_init(&version, nullptr);
    if (status != SANE_STATUS_GOOD) {
        *error = SaneScanner::tr("Scanning is not available on this computer (%1). Ask your administrator to set up "
                                 "the scanner.")
                     .arg(statusText(status));
        return false;
    }
    state.initialised = true;
    return true;
}

struct Option
{
    SANE_Int index = 0;
    const SANE_Option_Descriptor *descriptor = nullptr;
};

/// The option called `name` that can be set now, if the device has one.
std::optional<Option> settableOption(SANE_Handle handle, const QByteArray &name)
{
    SANE_Int count = 0;
    if (sane_control_option(handle, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
        return std::nullopt;
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor *d = sane_get_option_descriptor(handle, i);
        if (d && d->name && name == d->name) {
            if (!SANE_OPTION_IS_ACTIVE(d->cap) || !SANE_OPTION_IS_SETTABLE(d->cap))
                return std::nullopt;
            return Option {i, d};
        }
    }
    return std::nullopt;
}

QStringList allowedStrings(const SANE_Option_Descriptor *d)
{
    QStringList values;
    if (d->type == SANE_TYPE_STRING && d->constraint_type == SANE_CONSTRAINT_STRING_LIST) {
        for (const SANE_String_Const *v = d->constraint.string_list; *v; ++v)
            values << QString::fromUtf8(*v);
    }
    return values;
}

bool setString(SANE_Handle handle, const QByteArray &name, const QString &value)
{
    const auto option = settableOption(handle, name);
    if (!option || option->descriptor->type != SANE_TYPE_STRING)
        return false;
    const QByteArray utf8 = value.toUtf8();
    if (utf8.size() >= option->descriptor->size)
        return false;
    QByteArray buffer(option->descriptor->size, '\0');
    std::memcpy(buffer.data(), utf8.constData(), static_cast<size_t>(utf8.size()));
    return sane_control_option(handle, option->index, SANE_ACTION_SET_VALUE, buffer.data(), nullptr)
        == SANE_STATUS_GOOD;
}

/// Sets a number option to the allowed value nearest `value`.
bool setNumber(SANE_Handle handle, const QByteArray &name, double value)
{
    const auto option = settableOption(handle, name);
    if (!option || option->descriptor->size != static_cast<SANE_Int>(sizeof(SANE_Word)))
        return false;
    const SANE_Option_Descriptor *d = option->descriptor;
    const bool fixed = d->type == SANE_TYPE_FIXED;
    if (!fixed && d->type != SANE_TYPE_INT)
        return false;
    const auto toDouble = [fixed](SANE_Word w) { return fixed ? w / fixedScale : static_cast<double>(w); };
    double wanted = value;
    if (d->constraint_type == SANE_CONSTRAINT_RANGE && d->constraint.range) {
        const SANE_Range *r = d->constraint.range;
        wanted = std::clamp(wanted, toDouble(r->min), toDouble(r->max));
        const double quant = toDouble(r->quant);
        if (quant > 0)
            wanted = toDouble(r->min) + std::round((wanted - toDouble(r->min)) / quant) * quant;
    } else if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST && d->constraint.word_list) {
        const SANE_Word *list = d->constraint.word_list;
        double best = toDouble(list[1]);
        for (SANE_Word i = 1; i <= list[0]; ++i) {
            if (std::abs(toDouble(list[i]) - value) < std::abs(best - value))
                best = toDouble(list[i]);
        }
        wanted = best;
    }
    SANE_Word word = fixed ? static_cast<SANE_Word>(std::lround(wanted * fixedScale))
                           : static_cast<SANE_Word>(std::lround(wanted));
    return sane_control_option(handle, option->index, SANE_ACTION_SET_VALUE, &word, nullptr) == SANE_STATUS_GOOD;
}

bool setBool(SANE_Handle handle, const QByteArray &name, bool value)
{
    const auto option = settableOption(handle, name);
    if (!option || option->descriptor->type != SANE_TYPE_BOOL)
        return false;
    SANE_Bool word = value ? SANE_TRUE : SANE_FALSE;
    return sane_control_option(handle, option->index, SANE_ACTION_SET_VALUE, &word, nullptr) == SANE_STATUS_GOOD;
}

std::optional<double> numberValue(SANE_Handle handle, const QByteArray &name)
{
    SANE_Int count = 0;
    if (sane_control_option(handle, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
        return std::nullopt;
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor *d = sane_get_option_descriptor(handle, i);
        if (!d || !d->name || name != d->name || !SANE_OPTION_IS_ACTIVE(d->cap)
            || d->size != static_cast<SANE_Int>(sizeof(SANE_Word)))
            continue;
        SANE_Word word = 0;
        if (sane_control_option(handle, i, SANE_ACTION_GET_VALUE, &word, nullptr) != SANE_STATUS_GOOD)
            return std::nullopt;
        if (d->type == SANE_TYPE_FIXED)
            return word / fixedScale;
        if (d->type == SANE_TYPE_INT)
            return static_cast<double>(word);
        return std::nullopt;
    }
    return std::nullopt;
}

/// Picks the device's name for `mode` among those it offers ("Gray", "Grayscale", "Binary", ...).
QString modeValue(const QStringList &offered, ScanOptions::Mode mode)
{
    QStringList exact;
    QStringList words;
    switch (mode) {
    case ScanOptions::Mode::Color:
        exact = {QStringLiteral(SANE_VALUE_SCAN_MODE_COLOR)};
        words = {QStringLiteral("color"), QStringLiteral("colour")};
        break;
    case ScanOptions::Mode::Gray:
        exact = {QStringLiteral(SANE_VALUE_SCAN_MODE_GRAY)};
        words = {QStringLiteral("gray"), QStringLiteral("grey")};
        break;
    case ScanOptions::Mode::Lineart:
        exact = {QStringLiteral(SANE_VALUE_SCAN_MODE_LINEART)};
        words = {QStringLiteral("lineart"), QStringLiteral("binary"), QStringLiteral("black")};
        break;
    }
    for (const QString &v : offered) {
        if (exact.contains(v))
            return v;
    }
    for (const QString &v : offered) {
        for (const QString &w : words) {
            if (v.contains(w, Qt::CaseInsensitive) && !v.contains(QLatin1String("halftone"), Qt::CaseInsensitive))
                return v;
        }
    }
    return {};
}

bool isFeeder(const QString &source)
{
    return source.contains(QLatin1String("feeder"), Qt::CaseInsensitive)
        || source.contains(QLatin1String("adf"), Qt::CaseInsensitive);
}

QString currentSource(SANE_Handle handle)
{
    const auto option = settableOption(handle, SANE_NAME_SCAN_SOURCE);
    if (!option || option->descriptor->type != SANE_TYPE_STRING || option->descriptor->size <= 0)
        return {};
    QByteArray buffer(option->descriptor->size, '\0');
    if (sane_control_option(handle, option->index, SANE_ACTION_GET_VALUE, buffer.data(), nullptr) != SANE_STATUS_GOOD)
        return {};
    return QString::fromUtf8(buffer.constData());
}

void setExtra(SANE_Handle handle, const QByteArray &name, const QVariant &value)
{
    const auto option = settableOption(handle, name);
    if (!option)
        return;
    switch (option->descriptor->type) {
    case SANE_TYPE_STRING:
        setString(handle, name, value.toString());
        break;
    case SANE_TYPE_BOOL:
        setBool(handle, name, value.toBool());
        break;
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED:
        setNumber(handle, name, value.toDouble());
        break;
    default:
        break;
    }
}

void applyOptions(SANE_Handle handle, const ScanOptions &options)
{
    if (const auto mode = settableOption(handle, SANE_NAME_SCAN_MODE)) {
        const QStringList offered = allowedStrings(mode->descriptor);
        QString value = modeValue(offered, options.mode);
        // A device without a line-art mode gives 1-bit gray instead (the SANE test device does).
        if (value.isEmpty() && options.mode == ScanOptions::Mode::Lineart)
            value = modeValue(offered, ScanOptions::Mode::Gray);
        if (!value.isEmpty())
            setString(handle, SANE_NAME_SCAN_MODE, value);
    }
    setNumber(handle, SANE_NAME_BIT_DEPTH, options.mode == ScanOptions::Mode::Lineart ? 1 : 8);
    if (!options.source.isEmpty())
        setString(handle, SANE_NAME_SCAN_SOURCE, options.source);
    if (options.resolution > 0)
        setNumber(handle, SANE_NAME_SCAN_RESOLUTION, options.resolution);
    // Twice: an option may only become settable once another is set (read-limit-size after read-limit).
    for (int pass = 0; pass < 2; ++pass) {
        for (auto it = options.extra.cbegin(); it != options.extra.cend(); ++it)
            setExtra(handle, it.key().toUtf8(), it.value());
    }
}

struct Frame
{
    SANE_Parameters parameters {};
    QByteArray data;
};

/// Converts the frames of one page (one frame, or red, green and blue ones) into an image.
QImage toImage(const QList<Frame> &frames, QString *error)
{
    const SANE_Parameters &p = frames.first().parameters;
    const qsizetype bpl = p.bytes_per_line;
    const int width = p.pixels_per_line;
    if (bpl <= 0 || width <= 0) {
        *error = SaneScanner::tr("The scanner sent an empty picture. Check the scan area and scan again.");
        return {};
    }
    qsizetype height = frames.first().data.size() / bpl;
    if (p.lines > 0)
        height = std::min<qsizetype>(height, p.lines);
    for (const Frame &f : frames)
        height = std::min<qsizetype>(height, f.data.size() / bpl);
    if (height <= 0 || height > std::numeric_limits<int>::max()) {
        *error = SaneScanner::tr("The scanner sent an empty picture. Check the scan area and scan again.");
        return {};
    }
    const int lines = static_cast<int>(height);
    const auto line
        = [&](const Frame &f, int y) { return reinterpret_cast<const uchar *>(f.data.constData()) + y * bpl; };
    const auto unreadable = [&] {
        *error = SaneScanner::tr("The scanner sent the picture in a form this program cannot read (%1 bits). "
                                 "Choose another scan mode and scan again.")
                     .arg(p.depth);
        return QImage();
    };

    if (frames.size() == 1 && p.format == SANE_FRAME_GRAY) {
        const Frame &f = frames.first();
        if (p.depth == 1) {
            QImage image(width, lines, QImage::Format_Mono);
            image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)}); // SANE: a set bit is black
            const qsizetype bytes = std::min<qsizetype>(bpl, image.bytesPerLine());
            for (int y = 0; y < lines; ++y)
                std::memcpy(image.scanLine(y), line(f, y), static_cast<size_t>(bytes));
            return image;
        }
        if (p.depth == 8 || p.depth == 16) {
            QImage image(width, lines, QImage::Format_Grayscale8);
            for (int y = 0; y < lines; ++y) {
                uchar *out = image.scanLine(y);
                const uchar *in = line(f, y);
                if (p.depth == 8) {
                    std::memcpy(out, in, static_cast<size_t>(width));
                } else {
                    const auto *in16 = reinterpret_cast<const quint16 *>(in); // host byte order
                    for (int x = 0; x < width; ++x)
                        out[x] = static_cast<uchar>(in16[x] >> 8);
                }
            }
            return image;
        }
        return unreadable();
    }
    if (frames.size() == 1 && p.format == SANE_FRAME_RGB) {
        if (p.depth != 8 && p.depth != 16)
            return unreadable();
        const Frame &f = frames.first();
        QImage image(width, lines, QImage::Format_RGB888);
        for (int y = 0; y < lines; ++y) {
            uchar *out = image.scanLine(y);
            const uchar *in = line(f, y);
            if (p.depth == 8) {
                std::memcpy(out, in, static_cast<size_t>(width) * 3);
            } else {
                const auto *in16 = reinterpret_cast<const quint16 *>(in);
                for (int i = 0; i < width * 3; ++i)
                    out[i] = static_cast<uchar>(in16[i] >> 8);
            }
        }
        return image;
    }
    // Three-pass colour: one frame per channel.
    QImage image(width, lines, QImage::Format_RGB888);
    image.fill(Qt::black);
    for (const Frame &f : frames) {
        if (f.parameters.depth != 8 || f.parameters.pixels_per_line != width || f.parameters.bytes_per_line != bpl)
            return unreadable();
        int channel = 0;
        switch (f.parameters.format) {
        case SANE_FRAME_RED:
            channel = 0;
            break;
        case SANE_FRAME_GREEN:
            channel = 1;
            break;
        case SANE_FRAME_BLUE:
            channel = 2;
            break;
        default:
            return unreadable();
        }
        for (int y = 0; y < lines; ++y) {
            uchar *out = image.scanLine(y);
            const uchar *in = line(f, y);
            for (int x = 0; x < width; ++x)
                out[x * 3 + channel] = in[x];
        }
    }
    return image;
}

/// Reads one page, its first frame already started. Empty image and `error` on failure.
QImage readPage(SANE_Handle handle, int page, const std::atomic<bool> &cancelled,
    const std::function<void(int page, int percent)> &progress, QString *error)
{
    QList<Frame> frames;
    for (int frameIndex = 0;; ++frameIndex) {
        if (frameIndex > 0) {
            const SANE_Status status = sane_start(handle);
            if (status != SANE_STATUS_GOOD) {
                *error = statusMessage(status);
                return {};
            }
        }
        Frame frame;
        SANE_Status status = sane_get_parameters(handle, &frame.parameters);
        if (status != SANE_STATUS_GOOD) {
            *error = statusMessage(status);
            return {};
        }
        const SANE_Parameters &p = frame.parameters;
        const bool singlePass = p.format == SANE_FRAME_GRAY || p.format == SANE_FRAME_RGB;
        const qint64 expected = p.lines > 0 ? qint64(p.bytes_per_line) * p.lines : -1;
        if (expected > 0)
            frame.data.reserve(expected);
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        int lastPercent = -1;
        for (;;) {
            if (cancelled.load()) {
                *error = statusMessage(SANE_STATUS_CANCELLED);
                return {};
            }
            SANE_Int length = 0;
            status = sane_read(
                handle, reinterpret_cast<SANE_Byte *>(buffer.data()), static_cast<SANE_Int>(buffer.size()), &length);
            if (status == SANE_STATUS_EOF)
                break;
            if (status != SANE_STATUS_GOOD) {
                *error = statusMessage(status);
                return {};
            }
            frame.data.append(buffer.constData(), length);
            if (expected > 0) {
                const int framePercent = static_cast<int>(std::min<qint64>(100, frame.data.size() * 100 / expected));
                const int percent = singlePass ? framePercent : (frameIndex * 100 + framePercent) / 3;
                if (percent != lastPercent && percent < 100) {
                    lastPercent = percent;
                    progress(page, percent);
                }
            }
        }
        frames << frame;
        if (p.last_frame || frames.size() >= 3)
            break;
    }
    return toImage(frames, error);
}

/// Everything a scan does with SANE, under the lock.
QList<QImage> saneScan(const QString &deviceId, const ScanOptions &options, const std::atomic<bool> &cancelled,
    const std::function<void(int page, int percent)> &progress, const std::function<void(int page)> &pageDone,
    QString *error)
{
    SaneState &state = saneState();
    QMutexLocker lock(&state.mutex);
    if (!ensureSane(error))
        return {};
    SANE_Handle handle = nullptr;
    const QByteArray name = deviceId.toUtf8();
    const SANE_Status opened = sane_open(name.constData(), &handle);
    if (opened != SANE_STATUS_GOOD || !handle) {
        if (opened == SANE_STATUS_DEVICE_BUSY || opened == SANE_STATUS_ACCESS_DENIED)
            *error = statusMessage(opened);
        else
            *error = SaneScanner::tr("The scanner \u201c%1\u201d was not found. Check that it is switched on and "
                                     "connected, then choose it again.")
                         .arg(deviceId);
        return {};
    }
    applyOptions(handle, options);
    const bool feeder = isFeeder(currentSource(handle));
    const int dpi = static_cast<int>(std::lround(numberValue(handle, SANE_NAME_SCAN_RESOLUTION).value_or(0)));
    // 0 pages: until the feeder is empty (one page from a flatbed); never more than a pile can hold.
    const int wanted = options.pages > 0 ? options.pages : (feeder ? 1000 : 1);

    QList<QImage> pages;
    for (int page = 1; page <= wanted; ++page) {
        if (cancelled.load()) {
            *error = statusMessage(SANE_STATUS_CANCELLED);
            pages.clear();
            break;
        }
        const SANE_Status started = sane_start(handle);
        if (started == SANE_STATUS_NO_DOCS && feeder && !pages.isEmpty())
            break; // the feeder is empty: every page is in
        if (started != SANE_STATUS_GOOD) {
            *error = statusMessage(started);
            pages.clear();
            break;
        }
        QImage image = readPage(handle, page, cancelled, progress, error);
        if (image.isNull()) {
            pages.clear();
            break;
        }
        if (dpi > 0) {
            const int dpm = static_cast<int>(std::lround(dpi / 0.0254));
            image.setDotsPerMeterX(dpm);
            image.setDotsPerMeterY(dpm);
        }
        pages << image;
        progress(page, 100);
        pageDone(page);
    }
    sane_cancel(handle);
    sane_close(handle);
    return pages;
}

QList<ScannerDevice> saneDevices()
{
    SaneState &state = saneState();
    QMutexLocker lock(&state.mutex);
    QString error;
    QList<ScannerDevice> result;
    if (!ensureSane(&error))
        return result;
    const SANE_Device **list = nullptr;
    if (sane_get_devices(&list, SANE_FALSE) != SANE_STATUS_GOOD || !list)
        return result;
    for (int i = 0; list[i]; ++i) {
        const SANE_Device *d = list[i];
        ScannerDevice device;
        device.id = QString::fromUtf8(d->name);
        const QString product
            = QStringLiteral("%1 %2")
                  .arg(QString::fromUtf8(d->vendor ? d->vendor : ""), QString::fromUtf8(d->model ? d->model : ""))
                  .trimmed();
        const QString type = QString::fromUtf8(d->type ? d->type : "");
        device.description = type.isEmpty() ? product : SaneScanner::tr("%1 (%2)").arg(product, type);
        result << device;
    }
    return result;
}

QThreadPool *sanePool()
{
    // Never destroyed: it may still close SANE down while the program ends.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        return p;
    }();
    return pool;
}

/// The last scanner gone: SANE is closed down on a worker, unless a new scanner came meanwhile.
void releaseSane()
{
    SaneState &state = saneState();
    if (--state.users > 0)
        return;
    const auto exitSane = [] {
        SaneState &s = saneState();
        QMutexLocker lock(&s.mutex);
        if (s.users.load() == 0 && s.initialised) {
            sane_exit();
            s.initialised = false;
        }
    };
    if (QCoreApplication::instance() && !QCoreApplication::closingDown())
        sanePool()->start(exitSane);
    else
        exitSane();
}

} // namespace

SaneScanner::SaneScanner(QObject *parent)
    : Scanner(parent)
{
    ++saneState().users;
}

SaneScanner::~SaneScanner()
{
    stopWorkers();
    releaseSane();
}

QThreadPool *SaneScanner::pool() const
{
    return sanePool();
}

void SaneScanner::refreshDevices()
{
    runDevices(&saneDevices);
}

void SaneScanner::scan(const QString &deviceId, const ScanOptions &options)
{
    run([this, deviceId, options](const std::shared_ptr<std::atomic<bool>> &cancelled) {
        Outcome outcome;
        if (cancelled->load()) { // cancelled while waiting for its turn
            outcome.error = statusMessage(SANE_STATUS_CANCELLED);
            return outcome;
        }
        outcome.pages = saneScan(
            deviceId, options, *cancelled, [this](int page, int percent) { postProgress(page, percent); },
            [this](int page) { postPageScanned(page); }, &outcome.error);
        if (outcome.pages.isEmpty() && outcome.error.isEmpty())
            outcome.error = statusMessage(SANE_STATUS_NO_DOCS);
        return outcome;
    });
}

#else // A system without SANE (Windows): no scanner is found, files are imported instead.

SaneScanner::SaneScanner(QObject *parent)
    : Scanner(parent)
{ }

SaneScanner::~SaneScanner()
{
    stopWorkers();
}

QThreadPool *SaneScanner::pool() const
{
    return Scanner::pool();
}

void SaneScanner::refreshDevices()
{
    runDevices([] { return QList<ScannerDevice>(); });
}

void SaneScanner::scan(const QString &, const ScanOptions &)
{
    run([](const std::shared_ptr<std::atomic<bool>> &) {
        Outcome outcome;
        outcome.error = tr("This computer has no scanning through SANE. Scan with the scanner's own program "
                           "and import the files.");
        return outcome;
    });
}

#endif

// ---------------------------------------------------------------------------------------------
// Import from file

FileImportScanner::FileImportScanner(QObject *parent)
    : Scanner(parent)
{ }

FileImportScanner::~FileImportScanner()
{
    stopWorkers();
}

void FileImportScanner::refreshDevices()
{
    runDevices([] { return QList<ScannerDevice> {{QStringLiteral("file"), tr("Import from file")}}; });
}

void FileImportScanner::scan(const QString &, const ScanOptions &)
{
    auto documents = std::make_shared<QList<Document>>();
    const QStringList files = m_files;
    const bool started = run([this, files, documents](const std::shared_ptr<std::atomic<bool>> &cancelled) {
        Outcome outcome;
        if (files.isEmpty()) {
            outcome.error = tr("Choose the files to import.");
            return outcome;
        }
        int page = 0;
        for (const QString &path : files) {
            if (cancelled->load()) {
                outcome.error = tr("The import was cancelled.");
                return outcome;
            }
            const QString name = QFileInfo(path).fileName();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                outcome.error = tr("\u201c%1\u201d could not be opened: %2").arg(name, file.errorString());
                return outcome;
            }
            const QByteArray content = file.readAll();
            if (content.startsWith("%PDF-")) {
                documents->append({name, content});
                continue;
            }
            const bool png = content.startsWith("\x89PNG\r\n\x1a\n");
            const bool jpeg = content.startsWith("\xff\xd8\xff");
            QImage image;
            if (!(png || jpeg) || !image.loadFromData(content, png ? "PNG" : "JPEG")) {
                outcome.error = tr("\u201c%1\u201d is not a PNG, JPEG or PDF file, or it is damaged. Choose "
                                   "another file.")
                                    .arg(name);
                return outcome;
            }
            ++page;
            outcome.pages << image;
            postProgress(page, 100);
            postPageScanned(page);
        }
        return outcome;
    });
    if (started)
        m_pendingDocuments = documents;
}

void FileImportScanner::aboutToFinish()
{
    m_documents = m_pendingDocuments ? *m_pendingDocuments : QList<Document>();
    m_pendingDocuments.reset();
}

} // namespace onewindow::models
