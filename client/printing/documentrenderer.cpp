#include "documentrenderer.h"

#include "pdfunicode.h"
#include "phrases.h"
#include "qrcode.h"
#include "templateengine.h"

#include "domain/idnumber.h"
#include "domain/statenames.h"
#include "registries.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QFont>
#include <QHash>
#include <QIODevice>
#include <QImage>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>

namespace onewindow::printing {

Q_LOGGING_CATEGORY(lcPrinting, "onewindow.printing")

namespace {

/// Noto Sans CJK SC first (Debian's fonts-noto-cjk), then what other systems call their CJK sans.
const QStringList kFontFamilies{
    QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"), QStringLiteral("Source Han Sans CN"),
    QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Microsoft YaHei"), QStringLiteral("PingFang SC"),
    QStringLiteral("SimHei"), QStringLiteral("SimSun")};
constexpr double kBodyPointSize = 10.5; // 五号, the size of Chinese forms
/// The QR code: 12 pixels a module, printed 26.5 mm wide (100 CSS pixels of 1/96 inch): more
/// pixels than a 300 dpi page has there (313), so it is never enlarged; a case number's code
/// (version 1 to 3) has modules of 0.7 to 0.9 mm, which phones and counter scanners read easily.
constexpr int kQrModulePixels = 12;
constexpr int kQrCssPixels = 100;
/// The resolution documents are laid out at: CSS pixels.
constexpr double kLayoutDpi = 96.0;

/// A paint device of exactly 96 dpi for the layout (the screen's may differ); one per thread,
/// as QTextDocument is reentrant.
QPaintDevice *layoutDevice()
{
    thread_local QImage device = [] {
        QImage image(1, 1, QImage::Format_Mono);
        const int dotsPerMetre = qRound(kLayoutDpi / 0.0254);
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        return image;
    }();
    return &device;
}

/// The lists a bare {{name}} prints as a table, from :/printing/partials/<name>.html.
const QStringList kPartials{QStringLiteral("materials"), QStringLiteral("receivedMaterials"),
    QStringLiteral("deficiencies"), QStringLiteral("missing"), QStringLiteral("matters"), QStringLiteral("letterhead"),
    QStringLiteral("paperStyle"), QStringLiteral("signature")};

QString text(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// The built-in partial templates, read once.
const QHash<QString, QString> &partials()
{
    static const QHash<QString, QString> loaded = [] {
        QHash<QString, QString> out;
        for (const QString &name : kPartials)
            out.insert(name, readFile(QStringLiteral(":/printing/partials/%1.html").arg(name)));
        return out;
    }();
    return loaded;
}

/// A person's ID number as it may be printed: left as it is when already masked
/// (110105********002X), masked otherwise, so a full number never reaches paper.
QString maskedIdNumber(const QString &idNumber)
{
    static const QRegularExpression masked(QStringLiteral("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$"));
    if (idNumber.isEmpty() || masked.match(idNumber).hasMatch())
        return idNumber;
    return QString::fromStdString(IdNumber::mask(idNumber.toStdString()));
}

QDateTime parseDateTime(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

QDate parseDate(const QString &iso)
{
    return QDate::fromString(iso, Qt::ISODate);
}

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QString();
}

/// The delivery receipt's fields: the result, who collected it, how and when, and the signature.
void deliveryData(TemplateData &data, const PrintInput &input)
{
    const Phrases &phrases = Phrases::instance();
    const QJsonObject &d = input.delivery;
    const QJsonObject recipient = d.value(QLatin1String("recipient")).toObject();
    data.setText(QStringLiteral("certificateNumber"), text(input.result, QLatin1StringView("certificateNumber")));
    data.setText(QStringLiteral("issuedOn"),
                 phrases.date(parseDate(text(input.result, QLatin1StringView("issuedOn")))));
    const QString kind = text(recipient, QLatin1StringView("kind"));
    data.setText(QStringLiteral("recipientKind"), kind.isEmpty() ? QString() : phrases.phrase(QStringLiteral("recipientKinds"), kind));
    data.setText(QStringLiteral("recipientName"), text(recipient, QLatin1StringView("name")));
    data.setText(QStringLiteral("recipientIdNumber"), maskedIdNumber(text(recipient, QLatin1StringView("idNumber"))));
    const QString method = text(d, QLatin1StringView("method"));
    data.setText(QStringLiteral("deliveryMethod"), method.isEmpty() ? QString() : phrases.phrase(QStringLiteral("deliveryMethods"), method));
    data.setText(QStringLiteral("trackingNumber"), text(d, QLatin1StringView("trackingNumber")));
    data.setText(QStringLiteral("deliveredAt"), phrases.dateTime(parseDateTime(text(d, QLatin1StringView("deliveredAt")))));
    data.setText(QStringLiteral("deliveredBy"), text(d, QLatin1StringView("deliveredBy")));
    // The signature as recorded, scaled to a line of the form; nothing when it is not an image.
    QString signature;
    const QImage image = QImage::fromData(input.signature);
    if (!image.isNull()) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        const int height = 60;
        const int width = qMax(1, image.width() * height / qMax(1, image.height()));
        signature = QStringLiteral("<img src=\"data:image/png;base64,%1\" width=\"%2\" height=\"%3\" />")
                        .arg(QString::fromLatin1(png.toBase64()))
                        .arg(qMin(width, 300))
                        .arg(height);
    }
    data.setHtml(QStringLiteral("signatureImage"), signature);
}

/// A QR code image reading exactly `content`; empty without content.
QString qrImage(const QString &content)
{
    if (content.isEmpty())
        return {};
    const QByteArray png = qrCodePng(content, kQrModulePixels);
    if (png.isEmpty())
        return {};
    return QStringLiteral("<img src=\"data:image/png;base64,%1\" width=\"%2\" height=\"%2\" />")
        .arg(QString::fromLatin1(png.toBase64()))
        .arg(kQrCssPixels);
}

/// The transfer manifest's fields: the batch, its route, and every item with its case.
void transferData(TemplateData &data, const QJsonObject &t)
{
    const Phrases &phrases = Phrases::instance();
    data.setText(QStringLiteral("transferCode"), text(t, QLatin1StringView("code")));
    data.setHtml(QStringLiteral("transferQrCode"), qrImage(text(t, QLatin1StringView("qr"))));
    data.setText(QStringLiteral("transferCenter"), text(t, QLatin1StringView("center")));
    data.setText(QStringLiteral("transferHall"), text(t, QLatin1StringView("hall")));
    data.setText(QStringLiteral("transferSender"), text(t, QLatin1StringView("createdBy")));
    data.setText(QStringLiteral("transferSentAt"), phrases.dateTime(parseDateTime(text(t, QLatin1StringView("createdAt")))));
    data.setText(QStringLiteral("transferNote"), text(t, QLatin1StringView("note")));
    const QJsonArray cases = t.value(QLatin1String("cases")).toArray();
    QHash<QString, QString> applicants;
    for (const auto &c : cases)
        applicants.insert(text(c.toObject(), QLatin1StringView("caseId")), text(c.toObject(), QLatin1StringView("applicantName")));
    QList<TemplateData::Item> items;
    for (const auto &value : t.value(QLatin1String("items")).toArray()) {
        const QJsonObject i = value.toObject();
        const bool caseFile = text(i, QLatin1StringView("kind")) == QLatin1String("case_file");
        const QString state = text(i, QLatin1StringView("state"));
        items.append({{QStringLiteral("index"), QString::number(items.size() + 1)},
                      {QStringLiteral("caseNumber"), text(i, QLatin1StringView("caseNumber"))},
                      {QStringLiteral("applicantName"), applicants.value(text(i, QLatin1StringView("caseId")))},
                      {QStringLiteral("name"), caseFile ? phrases.phrase(QStringLiteral("transferItems"), QStringLiteral("case_file"))
                                                        : text(i, QLatin1StringView("name"))},
                      {QStringLiteral("state"), state == QLatin1String("sent") ? QString()
                                                : phrases.phrase(QStringLiteral("transferItems"), state)},
                      {QStringLiteral("note"), text(i, QLatin1StringView("note"))}});
    }
    data.setList(QStringLiteral("transferItems"), items);
    data.setText(QStringLiteral("transferCaseCount"), QString::number(cases.size()));
    data.setText(QStringLiteral("transferItemCount"), QString::number(items.size()));
}

QString chinese(const StateName &name)
{
    return QString::fromUtf8(name.chinese.data(), static_cast<qsizetype>(name.chinese.size()));
}

/// A deficiency's status as the papers print it (the domain's StateNames); an unknown code as it is.
QString deficiencyStatusName(const QString &status)
{
    const auto known = StateNames::deficiencyStatusFromCode(status.toStdString());
    return known ? chinese(StateNames::of(*known)) : status;
}

bool isOutstanding(const QString &status)
{
    const auto known = StateNames::deficiencyStatusFromCode(status.toStdString());
    return known && StateNames::isOwed(*known);
}

} // namespace

QList<MissingItem> MissingItem::fromJson(const QJsonArray &missing)
{
    QList<MissingItem> out;
    for (const QJsonValue &value : missing) {
        const QJsonObject o = value.toObject();
        out.append({text(o, QLatin1StringView("code")), text(o, QLatin1StringView("name")),
                    text(o, QLatin1StringView("reason"))});
    }
    return out;
}

QList<MissingItem> MissingItem::fromApiError(const models::ApiError &error)
{
    QList<MissingItem> out;
    for (const auto &m : error.missing)
        out.append({m.code, m.name, m.reason});
    return out;
}

QList<MissingItem> MissingItem::fromReturnedParts(const QJsonObject &caseObject, const QList<models::CasePart> &parts)
{
    return fromDecidedParts(PrintDocument::ReturnNotice, caseObject, parts);
}

QList<MissingItem> MissingItem::fromDecidedParts(PrintDocument document, const QJsonObject &caseObject,
                                                 const QList<models::CasePart> &parts)
{
    const QString status = document == PrintDocument::Rejection           ? QStringLiteral("rejected")
                           : document == PrintDocument::SimulatedApproval ? QStringLiteral("approved_simulated")
                                                                          : QStringLiteral("returned");
    QHash<QString, QString> names;
    for (const QJsonValue &m : caseObject.value(QLatin1String("matters")).toArray())
        names.insert(m.toObject().value(QLatin1String("code")).toString(), m.toObject().value(QLatin1String("name")).toString());
    QList<MissingItem> out;
    for (const auto &part : parts) {
        if (part.status != status)
            continue;
        const QString name = QStringLiteral("%1 %2").arg(part.matter, names.value(part.matter)).trimmed();
        for (const QString &item : document == PrintDocument::SimulatedApproval ? part.conditions : part.reasons)
            out.append({part.matter, name, item});
    }
    return out;
}

QList<MissingItem> MissingItem::fromRefusal(const QJsonObject &refusal)
{
    QList<MissingItem> out;
    for (const QJsonValue &value : refusal.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = value.toObject();
        const QString problem = text(o, QLatin1StringView("problem"));
        if (text(o, QLatin1StringView("kind")) == QLatin1String("field"))
            out.append({text(o, QLatin1StringView("code")), text(o, QLatin1StringView("name")),
                        problem == QLatin1String("required") ? QStringLiteral("field_required")
                                                             : QStringLiteral("field_invalid")});
        else
            out.append({text(o, QLatin1StringView("code")), text(o, QLatin1StringView("name")), problem});
    }
    return out;
}

namespace {

/// The input with a recorded refusal's items and reason where the caller gave none.
PrintInput withRecordedRefusal(const PrintInput &input)
{
    const QJsonObject refusal = input.caseObject.value(QLatin1String("refusal")).toObject();
    if (refusal.isEmpty())
        return input;
    PrintInput out = input;
    if (out.missing.isEmpty())
        out.missing = MissingItem::fromRefusal(refusal);
    if (out.reason.trimmed().isEmpty()) {
        QString reason = refusal.value(QLatin1String("reason")).toObject().value(QLatin1String("text")).toString();
        const QString note = text(refusal, QLatin1StringView("note")).trimmed();
        if (!note.isEmpty())
            reason += QChar(0xFF1B) + note; // ；
        out.reason = reason;
    }
    return out;
}

} // namespace

DocumentRenderer::DocumentRenderer(const sdk::Registries *registries) : m_registries(registries) {}

DocumentRenderer::~DocumentRenderer() = default;

QString DocumentRenderer::templatePath(PrintDocument document, const QJsonObject &caseObject) const
{
    const QString code = printDocumentCode(document);
    if (m_registries) {
        const QJsonValue first = caseObject.value(QLatin1String("matters")).toArray().first();
        const QString matterCode = first.isString() ? first.toString() : text(first.toObject(), QLatin1StringView("code"));
        const QString department = text(first.toObject(), QLatin1StringView("department"));
        // A bundle's own paper first (a template whose matterCode is the bundle's code), then the
        // first matter's, then its department's.
        const QString bundle = text(caseObject, QLatin1StringView("bundle"));
        if (const sdk::PrintTemplate *t = m_registries->printTemplateFor(code, department, bundle);
            t && !bundle.isEmpty() && t->matterCode == bundle)
            return t->resource;
        if (const sdk::PrintTemplate *t = m_registries->printTemplateFor(code, department, matterCode))
            return t->resource;
    }
    return QStringLiteral(":/printing/%1.html").arg(code);
}

QString DocumentRenderer::loadTemplate(PrintDocument document, const QJsonObject &caseObject)
{
    const QString path = templatePath(document, caseObject);
    QString html = readFile(path);
    const QString builtIn = QStringLiteral(":/printing/%1.html").arg(printDocumentCode(document));
    if (html.isEmpty() && path != builtIn) {
        // A plugin's template that cannot be read must not stop the counter: print the built-in one.
        qCWarning(lcPrinting) << "print template" << path << "cannot be read; using the built-in one";
        m_problems.append(QStringLiteral("template %1 cannot be read").arg(path));
        html = readFile(builtIn);
    }
    if (html.isEmpty())
        m_error = tr("The print template %1 cannot be read.").arg(path);
    return html;
}

TemplateData DocumentRenderer::dataFor(PrintDocument document, const PrintInput &input) const
{
    const Phrases &phrases = Phrases::instance();
    const QJsonObject &c = input.caseObject;
    TemplateData data;

    // The paper and who issues it.
    const QString code = printDocumentCode(document);
    data.setText(QStringLiteral("title"), phrases.phrase(QStringLiteral("titles"), code));
    data.setText(QStringLiteral("document"), code);
    const Office &office = input.office;
    data.setText(QStringLiteral("office"), office.name);
    data.setText(QStringLiteral("officeName"), office.name);
    data.setText(QStringLiteral("window"), office.window);
    data.setText(QStringLiteral("officePhone"), office.phone);
    data.setText(QStringLiteral("officeAddress"), office.address);
    data.setText(QStringLiteral("reviewAuthority"), office.reviewAuthority.isEmpty()
        ? phrases.phrase(QStringLiteral("defaults"), QStringLiteral("reviewAuthority")) : office.reviewAuthority);
    data.setText(QStringLiteral("court"), office.court.isEmpty()
        ? phrases.phrase(QStringLiteral("defaults"), QStringLiteral("court")) : office.court);

    // The case number, as text and as a QR code that reads exactly the same.
    const QString number = text(c, QLatin1StringView("number"));
    data.setText(QStringLiteral("caseNumber"), number);
    data.setHtml(QStringLiteral("qrCode"), qrImage(number));

    // The applicant: a person with a masked ID number, or an organisation.
    const QJsonObject applicant = c.value(QLatin1String("applicant")).toObject();
    const QString kind = text(applicant, QLatin1StringView("kind"));
    const bool organization = kind == QLatin1String("organization");
    data.setFlag(QStringLiteral("person"), !organization);
    data.setFlag(QStringLiteral("organization"), organization);
    data.setText(QStringLiteral("applicantKind"), phrases.phrase(QStringLiteral("applicantKinds"), kind));
    data.setText(QStringLiteral("applicantName"), text(applicant, QLatin1StringView("name")));
    const QString masked = maskedIdNumber(text(applicant, QLatin1StringView("idNumber")));
    data.setText(QStringLiteral("maskedIdNumber"), masked);
    data.setText(QStringLiteral("idNumber"), masked);
    data.setText(QStringLiteral("creditCode"), text(applicant, QLatin1StringView("creditCode")));
    data.setText(QStringLiteral("legalRepresentative"), text(applicant, QLatin1StringView("legalRepresentative")));
    data.setText(QStringLiteral("applicantPhone"), text(applicant, QLatin1StringView("phone")));

    // The matters, with their limits from the catalog when the caller has it.
    QHash<QString, QJsonObject> details;
    for (const QJsonValue &value : input.matterDetails) {
        const QJsonObject o = value.toObject();
        details.insert(text(o, QLatin1StringView("code")), o);
    }
    QList<TemplateData::Item> matters;
    QStringList matterNames;
    double promisedDays = -1;
    double legalDays = -1;
    int graceDays = -1;
    for (const QJsonValue &value : c.value(QLatin1String("matters")).toArray()) {
        QJsonObject matter = value.isString() ? QJsonObject{{QStringLiteral("code"), value.toString()}} : value.toObject();
        const QString matterCode = text(matter, QLatin1StringView("code"));
        const QJsonObject detail = details.value(matterCode);
        for (const QLatin1StringView key : {QLatin1StringView("name"), QLatin1StringView("department")}) {
            if (text(matter, key).isEmpty())
                matter.insert(key, detail.value(key));
        }
        const double promised = detail.value(QLatin1String("promisedDays")).toDouble(-1);
        const double legal = detail.value(QLatin1String("legalDays")).toDouble(-1);
        promisedDays = std::max(promisedDays, promised);
        legalDays = std::max(legalDays, legal);
        graceDays = std::max(graceDays, detail.value(QLatin1String("terminationGraceDays")).toInt(-1));
        const QString name = text(matter, QLatin1StringView("name"));
        matterNames.append(name.isEmpty() ? matterCode : name);
        matters.append({{QStringLiteral("code"), matterCode}, {QStringLiteral("name"), name},
                        {QStringLiteral("department"), text(matter, QLatin1StringView("department"))},
                        {QStringLiteral("promisedDays"), phrases.workingDays(promised)},
                        {QStringLiteral("legalDays"), phrases.workingDays(legal)}});
    }
    data.setList(QStringLiteral("matters"), matters, partials().value(QStringLiteral("matters")));
    // The head every paper shares (a list without rows: its partial is filled with the paper's data).
    data.setList(QStringLiteral("letterhead"), {}, partials().value(QStringLiteral("letterhead")));
    // And the style sheet of every paper, inside each template's <style>.
    data.setList(QStringLiteral("paperStyle"), {}, partials().value(QStringLiteral("paperStyle")));
    // The foot of the papers handed to the applicant, signed by who told or handled it.
    data.setList(QStringLiteral("signature"), {}, partials().value(QStringLiteral("signature")));
    data.setText(QStringLiteral("signer"), phrases.phrase(QStringLiteral("signers"),
        document == PrintDocument::OneTimeNotice ? QStringLiteral("one-time-notice") : QStringLiteral("default")));
    data.setText(QStringLiteral("matterName"), matterNames.join(QStringLiteral("、")));
    data.setText(QStringLiteral("bundle"), text(c, QLatin1StringView("bundle")));
    // The application form as filled in, each field as `form.<key>` (a department's own paper
    // prints what it needs, e.g. {{form.address}}); an ID number masked, as everywhere on paper.
    static const QRegularExpression idNumber(QStringLiteral("^[0-9]{17}[0-9Xx]$"));
    const QJsonObject form = c.value(QLatin1String("form")).toObject();
    for (auto it = form.constBegin(); it != form.constEnd(); ++it) {
        const QString value = it.value().toString().trimmed();
        data.setText(QStringLiteral("form.") + it.key(),
                     it.key().endsWith(QLatin1String("id_number")) || idNumber.match(value).hasMatch()
                         ? maskedIdNumber(value.toUpper())
                         : value);
    }
    data.setText(QStringLiteral("matterCode"), matters.isEmpty() ? QString() : matters.first().value(QStringLiteral("code")));
    data.setText(QStringLiteral("department"),
                 matters.isEmpty() ? QString() : matters.first().value(QStringLiteral("department")));
    data.setText(QStringLiteral("promisedDays"), phrases.workingDays(promisedDays));
    data.setText(QStringLiteral("legalDays"), phrases.workingDays(legalDays));
    data.setText(QStringLiteral("graceDays"), graceDays < 0 ? QString() : phrases.workingDays(graceDays));

    // Who took it in, how, and when.
    const QString clerk = input.clerkName.isEmpty() ? text(c, QLatin1StringView("clerk")) : input.clerkName;
    data.setText(QStringLiteral("clerk"), clerk);
    data.setText(QStringLiteral("center"), text(c, QLatin1StringView("center")));
    const QString channel = text(c, QLatin1StringView("channel"));
    data.setText(QStringLiteral("channel"), channel.isEmpty() ? QString() : phrases.phrase(QStringLiteral("channels"), channel));
    const QString status = text(c, QLatin1StringView("status"));
    const auto state = CaseLifecycle::stateFromCode(status.toStdString());
    data.setText(QStringLiteral("status"), state ? chinese(StateNames::of(*state)) : status);
    const QDateTime acceptedAt = parseDateTime(text(c, QLatin1StringView("acceptedAt")));
    data.setText(QStringLiteral("acceptedAt"), phrases.dateTime(acceptedAt));
    data.setText(QStringLiteral("acceptedDate"), phrases.date(acceptedAt.date()));
    // The materials are taken in at the sitting that accepts them.
    data.setText(QStringLiteral("receivedAt"), phrases.dateTime(acceptedAt));
    data.setText(QStringLiteral("promisedDueDate"), phrases.date(parseDate(text(c, QLatin1StringView("promisedDueDate")))));
    data.setText(QStringLiteral("legalDueDate"), phrases.date(parseDate(text(c, QLatin1StringView("legalDueDate")))));
    // The caller gives the server's date for papers of no accepted case (PrintInput::date).
    const QDate date = input.date.isValid() ? input.date : acceptedAt.date();
    data.setText(QStringLiteral("date"), phrases.date(date));

    // Deficiencies, by material.
    QList<TemplateData::Item> deficiencies;
    QHash<QString, TemplateData::Item> deficiencyOf;
    for (const QJsonValue &value : c.value(QLatin1String("deficiencies")).toArray()) {
        const QJsonObject d = value.toObject();
        const QString deficiencyStatus = text(d, QLatin1StringView("status"));
        const TemplateData::Item item{
            {QStringLiteral("code"), text(d, QLatin1StringView("material"))},
            {QStringLiteral("name"), text(d, QLatin1StringView("materialName"))},
            {QStringLiteral("dueDate"), phrases.date(parseDate(text(d, QLatin1StringView("dueDate"))))},
            {QStringLiteral("status"), deficiencyStatusName(deficiencyStatus)},
            {QStringLiteral("outstanding"), flag(isOutstanding(deficiencyStatus))}};
        deficiencies.append(item);
        deficiencyOf.insert(item.value(QStringLiteral("code")), item);
    }
    const bool withDeficiency = std::any_of(deficiencies.cbegin(), deficiencies.cend(),
        [](const TemplateData::Item &d) { return !d.value(QStringLiteral("outstanding")).isEmpty(); });
    data.setList(QStringLiteral("deficiencies"), deficiencies, partials().value(QStringLiteral("deficiencies")));
    // Those still owed, for the reminder letter.
    QList<TemplateData::Item> owed;
    for (const auto &d : deficiencies) {
        if (!d.value(QStringLiteral("outstanding")).isEmpty())
            owed.append(d);
    }
    data.setList(QStringLiteral("outstandingDeficiencies"), owed);
    data.setFlag(QStringLiteral("hasOutstanding"), !owed.isEmpty());
    data.setFlag(QStringLiteral("withDeficiency"), withDeficiency);

    // An intake taken in offline, not yet on the server (IntakeSession::provisionalCase).
    const bool pendingUpload = c.value(QLatin1String("pendingUpload")).toBool();
    data.setFlag(QStringLiteral("pendingUpload"), pendingUpload);

    // The materials, and those actually taken in.
    QList<TemplateData::Item> materials;
    QList<TemplateData::Item> received;
    for (const QJsonValue &value : c.value(QLatin1String("materials")).toArray()) {
        const QJsonObject m = value.toObject();
        const bool core = m.value(QLatin1String("core")).toBool();
        const bool required = m.value(QLatin1String("required")).toBool();
        const QString provided = text(m, QLatin1StringView("provided"));
        const QString materialCode = text(m, QLatin1StringView("code"));
        const bool deficient = provided == QLatin1String("deficient");
        const bool in = provided == QLatin1String("paper") || provided == QLatin1String("scan")
                        || provided == QLatin1String("e_license");
        const TemplateData::Item item{
            {QStringLiteral("code"), materialCode},
            {QStringLiteral("name"), text(m, QLatin1StringView("name"))},
            {QStringLiteral("kind"), phrases.phrase(QStringLiteral("materialKinds"),
                core ? QStringLiteral("core") : required ? QStringLiteral("required") : QStringLiteral("optional"))},
            {QStringLiteral("core"), flag(core)},
            {QStringLiteral("required"), flag(required)},
            // Offline, an electronic licence is taken as offered: the server checks it on upload.
            {QStringLiteral("provided"), phrases.phrase(QStringLiteral("provided"),
                                                        pendingUpload && provided == QLatin1String("e_license")
                                                            ? QStringLiteral("e_license_unchecked")
                                                            : provided)},
            {QStringLiteral("paper"), flag(provided == QLatin1String("paper"))},
            {QStringLiteral("scan"), flag(provided == QLatin1String("scan"))},
            {QStringLiteral("eLicense"), flag(provided == QLatin1String("e_license"))},
            {QStringLiteral("deficient"), flag(deficient)},
            {QStringLiteral("absent"), flag(provided == QLatin1String("missing"))},
            {QStringLiteral("received"), flag(in)},
            {QStringLiteral("dueDate"), deficient ? deficiencyOf.value(materialCode).value(QStringLiteral("dueDate")) : QString()}};
        materials.append(item);
        if (in)
            received.append(item);
    }
    data.setList(QStringLiteral("materials"), materials, partials().value(QStringLiteral("materials")));
    data.setList(QStringLiteral("receivedMaterials"), received, partials().value(QStringLiteral("receivedMaterials")));
    data.setFlag(QStringLiteral("hasMaterials"), !materials.isEmpty());

    // The problems of a refused intake; a one-time notice of a case lists what it still lacks.
    QList<TemplateData::Item> missing;
    for (const MissingItem &m : input.missing) {
        missing.append({{QStringLiteral("code"), m.code}, {QStringLiteral("name"), m.name.isEmpty() ? m.code : m.name},
                        {QStringLiteral("reason"), m.reason},
                        {QStringLiteral("problem"), phrases.phrase(QStringLiteral("problems"), m.reason)},
                        {QStringLiteral("needed"), phrases.phrase(QStringLiteral("needed"), m.reason)},
                        {QStringLiteral("dueDate"), QString()}});
    }
    if (missing.isEmpty() && document == PrintDocument::OneTimeNotice) {
        for (const auto &d : deficiencies) {
            if (d.value(QStringLiteral("outstanding")).isEmpty())
                continue;
            missing.append({{QStringLiteral("code"), d.value(QStringLiteral("code"))},
                            {QStringLiteral("name"), d.value(QStringLiteral("name"))},
                            {QStringLiteral("reason"), QStringLiteral("deficient")},
                            {QStringLiteral("problem"), phrases.phrase(QStringLiteral("problems"), QStringLiteral("deficient"))},
                            {QStringLiteral("needed"), phrases.phrase(QStringLiteral("needed"), QStringLiteral("deficient"))},
                            {QStringLiteral("dueDate"), d.value(QStringLiteral("dueDate"))}});
        }
    }
    data.setList(QStringLiteral("missing"), missing, partials().value(QStringLiteral("missing")));
    data.setFlag(QStringLiteral("hasMissing"), !missing.isEmpty());
    QString reason = input.reason.trimmed();
    while (reason.endsWith(QChar(0x3002)) || reason.endsWith(QLatin1Char('.')))
        reason.chop(1); // the template ends the sentence
    data.setText(QStringLiteral("reason"), reason);
    data.setText(QStringLiteral("referral"), input.referral);
    // A refusal on record: what the clerk noted for the applicant.
    data.setText(QStringLiteral("note"), input.caseObject.value(QLatin1String("refusal")).toObject()
                                             .value(QLatin1String("note")).toString().trimmed());

    deliveryData(data, input);
    transferData(data, input.transfer);

    data.setText(QStringLiteral("materialCount"), QString::number(materials.size()));
    data.setText(QStringLiteral("receivedCount"), QString::number(received.size()));
    data.setText(QStringLiteral("deficiencyCount"), QString::number(deficiencies.size()));
    data.setText(QStringLiteral("missingCount"), QString::number(missing.size()));
    return data;
}

QString DocumentRenderer::html(PrintDocument document, const PrintInput &given)
{
    const PrintInput input = withRecordedRefusal(given);
    m_error.clear();
    m_problems.clear();
    if (document == PrintDocument::NonAcceptance && input.reason.trimmed().isEmpty() && input.missing.isEmpty()) {
        m_error = tr("A non-acceptance notice needs its reason: the clerk's words or the list of problems.");
        return {};
    }
    const QString templ = loadTemplate(document, input.caseObject);
    if (templ.isEmpty())
        return {};
    QStringList problems;
    const QString filled = fillTemplate(templ, dataFor(document, input), &problems);
    m_problems += problems;
    if (!problems.isEmpty())
        qCWarning(lcPrinting) << "print template" << templatePath(document, input.caseObject) << problems;
    return filled;
}

std::unique_ptr<QTextDocument> DocumentRenderer::layOut(PrintDocument document, const PrintInput &input,
                                                        QPagedPaintDevice *device)
{
    const QString filled = html(document, input);
    if (filled.isEmpty())
        return nullptr;
    return layOutHtml(filled, device);
}

std::unique_ptr<QTextDocument> DocumentRenderer::layOutHtml(const QString &filled, QPagedPaintDevice *device)
{
    if (!device->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(kMarginMillimetres, kMarginMillimetres, kMarginMillimetres, kMarginMillimetres),
            QPageLayout::Millimeter))) {
        // A printer whose minimum margins are wider keeps its own; A4 is what matters.
        device->setPageSize(QPageSize(QPageSize::A4));
    }
    auto doc = std::make_unique<QTextDocument>();
    // Laid out in CSS pixels (1/96 inch), whatever the screen, so that a template's lengths mean
    // the same on paper and in the print preview; print() scales to the device's resolution.
    doc->documentLayout()->setPaintDevice(layoutDevice());
    doc->setDocumentMargin(0);
    QFont font;
    font.setFamilies(kFontFamilies);
    font.setPointSizeF(kBodyPointSize);
    // Latin and Han need no shaping, and shaping makes Noto Sans CJK draw the digits of a Latin
    // run ("SZ-20261127") with alternate glyphs no character maps to: the PDF's text would lose
    // them. The SC face's own glyphs are the Simplified Chinese forms, so nothing else changes.
    font.setStyleStrategy(QFont::PreferNoShaping);
    doc->setDefaultFont(font);
    QTextOption option = doc->defaultTextOption();
    option.setUseDesignMetrics(true);
    doc->setDefaultTextOption(option);
    doc->setHtml(filled);
    doc->setPageSize(QSizeF(device->width() * kLayoutDpi / device->logicalDpiX(),
                            device->height() * kLayoutDpi / device->logicalDpiY()));
    return doc;
}

bool DocumentRenderer::renderPdf(PrintDocument document, const PrintInput &input, QIODevice *device)
{
    if (!device || !device->isWritable()) {
        m_error = tr("The PDF cannot be written: the file is not open for writing.");
        return false;
    }
    // Written to memory first: the text maps are repaired before the PDF goes out.
    const QString filled = html(document, input);
    if (filled.isEmpty())
        return false;
    const QByteArray pdf = htmlToPdf(filled, text(input.caseObject, QLatin1StringView("number")));
    if (device->write(pdf) != pdf.size()) {
        m_error = tr("The PDF cannot be written: %1").arg(device->errorString());
        return false;
    }
    return true;
}

QByteArray DocumentRenderer::htmlToPdf(const QString &html, const QString &titleSuffix)
{
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(kPdfResolution);
        writer.setCreator(QStringLiteral("OneWindow"));
        const auto doc = layOutHtml(html, &writer);
        const QString title = doc->metaInformation(QTextDocument::DocumentTitle);
        writer.setTitle(titleSuffix.isEmpty() ? title : title + QLatin1Char(' ') + titleSuffix);
        doc->print(&writer);
    }
    repairRadicalsInToUnicodeMaps(pdf);
    return pdf;
}

bool DocumentRenderer::renderPdf(PrintDocument document, const PrintInput &input, const QString &filePath)
{
    // Replaces the file only when the whole PDF was written: a failed render leaves no half file.
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("The PDF cannot be written to %1: %2").arg(filePath, file.errorString());
        return false;
    }
    if (!renderPdf(document, input, &file)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        m_error = tr("The PDF cannot be written to %1: %2").arg(filePath, file.errorString());
        return false;
    }
    return true;
}

bool DocumentRenderer::print(PrintDocument document, const PrintInput &input, QPagedPaintDevice *printer)
{
    if (!printer) {
        m_error = tr("No printer was chosen.");
        return false;
    }
    const auto doc = layOut(document, input, printer);
    if (!doc)
        return false;
    doc->print(printer);
    return true;
}

} // namespace onewindow::printing
