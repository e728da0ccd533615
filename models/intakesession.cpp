#include "intakesession.h"

#include "apiclient.h"
#include "localstore.h"
#include "numberstock.h"
#include "serverclock.h"

#include "domain/bundlemerge.h"
#include "domain/creditcode.h"
#include "domain/deficiencypolicy.h"
#include "domain/idnumber.h"
#include "domain/workcalendar.h"

#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <map>

namespace onewindow::models {

namespace {

Date toDate(const QDate &d)
{
    return Date{std::chrono::year{d.year()}, std::chrono::month{static_cast<unsigned>(d.month())},
                std::chrono::day{static_cast<unsigned>(d.day())}};
}

QDate fromDate(const Date &d)
{
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

/// The working-day calendar from the server's days (GET /calendar).
WorkCalendar workCalendarOf(const QJsonArray &days)
{
    WorkCalendar calendar;
    for (const auto &d : days) {
        const QJsonObject day = d.toObject();
        const QDate date = QDate::fromString(day.value(QLatin1String("date")).toString(), Qt::ISODate);
        if (!date.isValid())
            continue;
        if (day.value(QLatin1String("working")).toBool() && date.dayOfWeek() >= 6)
            calendar.addAdjustedWorkingDay(toDate(date));
        else if (!day.value(QLatin1String("working")).toBool() && date.dayOfWeek() <= 5)
            calendar.addHoliday(toDate(date), day.value(QLatin1String("holiday")).toString().toStdString());
    }
    return calendar;
}

MatterRules rulesOf(const QJsonObject &m)
{
    MatterRules r;
    r.code = m.value(QLatin1String("code")).toString().toStdString();
    r.name = m.value(QLatin1String("name")).toString().toStdString();
    r.promisedLimit = WorkingDays::fromDouble(m.value(QLatin1String("promisedDays")).toDouble());
    r.legalLimit = WorkingDays::fromDouble(m.value(QLatin1String("legalDays")).toDouble());
    r.deficiencyCap = m.value(QLatin1String("deficiencyCap")).toString() == QLatin1String("promised")
                          ? DeficiencyCap::PromisedLimit
                          : DeficiencyCap::LegalLimit;
    for (const auto &f : m.value(QLatin1String("fields")).toArray()) {
        const QJsonObject o = f.toObject();
        r.fields.push_back({o.value(QLatin1String("key")).toString().toStdString(),
                            o.value(QLatin1String("label")).toString().toStdString(),
                            o.value(QLatin1String("type")).toString().toStdString(),
                            o.value(QLatin1String("required")).toBool()});
    }
    for (const auto &x : m.value(QLatin1String("materials")).toArray()) {
        const QJsonObject o = x.toObject();
        MaterialRule rule;
        rule.code = o.value(QLatin1String("code")).toString().toStdString();
        rule.name = o.value(QLatin1String("name")).toString().toStdString();
        rule.core = o.value(QLatin1String("core")).toBool();
        rule.required = o.value(QLatin1String("required")).toBool();
        rule.deficiencyAllowed = o.value(QLatin1String("deficiencyAllowed")).toBool();
        rule.maxDeficiencyDays = o.value(QLatin1String("maxDeficiencyDays")).toInt();
        rule.eLicenseType = o.value(QLatin1String("eLicenseType")).toString().toStdString();
        r.materials.push_back(rule);
    }
    for (const auto &code : m.value(QLatin1String("produces")).toArray())
        r.produces.push_back(code.toString().toStdString());
    return r;
}

// Form fields that the applicant's details answer, by kind of applicant.
const std::map<QString, QString> &sharedFromApplicant(const QString &kind)
{
    static const std::map<QString, QString> person{
        {QStringLiteral("applicant_name"), QStringLiteral("name")},
        {QStringLiteral("applicant_id_number"), QStringLiteral("idNumber")},
        {QStringLiteral("legal_rep_name"), QStringLiteral("name")},
        {QStringLiteral("legal_rep_id_number"), QStringLiteral("idNumber")},
        {QStringLiteral("phone"), QStringLiteral("phone")},
    };
    static const std::map<QString, QString> organization{
        {QStringLiteral("company_name"), QStringLiteral("name")},
        {QStringLiteral("credit_code"), QStringLiteral("creditCode")},
        {QStringLiteral("legal_rep_name"), QStringLiteral("legalRepresentative")},
        {QStringLiteral("phone"), QStringLiteral("phone")},
    };
    return kind == QLatin1String("organization") ? organization : person;
}

bool isPhone(const QString &s)
{
    static const QRegularExpression mobile(QStringLiteral("^1[3-9][0-9]{9}$"));
    static const QRegularExpression landline(QStringLiteral("^0[0-9]{2,3}-?[0-9]{7,8}$"));
    return mobile.match(s).hasMatch() || landline.match(s).hasMatch();
}

} // namespace

IntakeSession::IntakeSession(ApiClient *api, LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    // Midnight on the server's clock, or the server's date learned late: the due dates follow.
    connect(m_api->clock(), &ServerClock::todayChanged, this, [this] {
        recompute();
        emit changed();
    });
}

QDate IntakeSession::today() const
{
    return m_api->clock()->today();
}

IntakeSession::~IntakeSession() = default;

void IntakeSession::start(const QString &center)
{
    m_draftKey = QStringLiteral("intake-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_center = center;
    m_step = Step::Applicant;
    m_applicant = {{QStringLiteral("kind"), QStringLiteral("person")}};
    m_heldLicenses.clear();
    m_matters = {};
    m_bundle.clear();
    m_form = {};
    m_provisions = {};
    m_greenChannel = false;
    m_greenChannelReason.clear();
    recompute();
    touch();
}

QJsonObject IntakeSession::toJson() const
{
    QJsonArray held;
    for (const QString &t : m_heldLicenses)
        held.append(t);
    return {{QStringLiteral("draftKey"), m_draftKey},
            {QStringLiteral("idempotencyKey"), m_idempotencyKey},
            {QStringLiteral("center"), m_center},
            {QStringLiteral("step"), static_cast<int>(m_step)},
            {QStringLiteral("applicant"), m_applicant},
            {QStringLiteral("heldLicenses"), held},
            {QStringLiteral("matters"), m_matters},
            {QStringLiteral("bundle"), m_bundle},
            {QStringLiteral("form"), m_form},
            {QStringLiteral("provisions"), m_provisions},
            {QStringLiteral("greenChannel"), m_greenChannel},
            {QStringLiteral("greenChannelReason"), m_greenChannelReason},
            {QStringLiteral("calendar"), m_calendar}};
}

bool IntakeSession::restore(const QJsonObject &draft)
{
    if (draft.value(QLatin1String("draftKey")).toString().isEmpty()
        || draft.value(QLatin1String("idempotencyKey")).toString().isEmpty())
        return false;
    m_draftKey = draft.value(QLatin1String("draftKey")).toString();
    m_idempotencyKey = draft.value(QLatin1String("idempotencyKey")).toString();
    m_center = draft.value(QLatin1String("center")).toString();
    m_step = static_cast<Step>(qBound(0, draft.value(QLatin1String("step")).toInt(), int(Step::Decide)));
    m_applicant = draft.value(QLatin1String("applicant")).toObject();
    m_heldLicenses.clear();
    for (const auto &t : draft.value(QLatin1String("heldLicenses")).toArray())
        m_heldLicenses << t.toString();
    m_matters = draft.value(QLatin1String("matters")).toArray();
    m_bundle = draft.value(QLatin1String("bundle")).toString();
    m_form = draft.value(QLatin1String("form")).toObject();
    m_provisions = draft.value(QLatin1String("provisions")).toObject();
    m_greenChannel = draft.value(QLatin1String("greenChannel")).toBool();
    m_greenChannelReason = draft.value(QLatin1String("greenChannelReason")).toString();
    m_calendar = draft.value(QLatin1String("calendar")).toArray();
    recompute();
    emit changed();
    return true;
}

void IntakeSession::setGreenChannel(bool on, const QString &reason)
{
    if (on == m_greenChannel && reason == m_greenChannelReason)
        return;
    m_greenChannel = on;
    m_greenChannelReason = reason;
    touch();
}

void IntakeSession::setStep(Step step)
{
    if (step == m_step)
        return;
    m_step = step;
    touch();
}

void IntakeSession::setApplicantKind(const QString &kind)
{
    if (kind == applicantKind() || (kind != QLatin1String("person") && kind != QLatin1String("organization")))
        return;
    m_applicant.insert(QStringLiteral("kind"), kind);
    touch();
}

void IntakeSession::setApplicantField(const QString &field, const QString &value)
{
    const QString previous = m_applicant.value(field).toString();
    if (previous == value)
        return;
    m_applicant.insert(field, value);
    // Shared fields follow the applicant until the clerk types something else there.
    for (const auto &[key, source] : sharedFromApplicant(applicantKind())) {
        const QString current = m_form.value(key).toString();
        if (source == field && (current.isEmpty() || current == previous))
            m_form.insert(key, value);
    }
    touch();
}

QMap<QString, QString> IntakeSession::applicantProblems() const
{
    QMap<QString, QString> problems;
    const std::optional<Date> today = toDate(this->today());
    if (applicantField(QStringLiteral("name")).trimmed().isEmpty())
        problems.insert(QStringLiteral("name"), QStringLiteral("required"));
    const QString phone = applicantField(QStringLiteral("phone"));
    if (phone.isEmpty())
        problems.insert(QStringLiteral("phone"), QStringLiteral("required"));
    else if (!isPhone(phone))
        problems.insert(QStringLiteral("phone"), QStringLiteral("invalid"));
    if (applicantKind() == QLatin1String("person")) {
        const auto p = IdNumber::check(applicantField(QStringLiteral("idNumber")).toStdString(), today);
        if (p != IdNumber::Problem::None)
            problems.insert(QStringLiteral("idNumber"), QString::fromLatin1(IdNumber::problemCode(p)));
    } else {
        const auto p = CreditCode::check(applicantField(QStringLiteral("creditCode")).toStdString());
        if (p != CreditCode::Problem::None)
            problems.insert(QStringLiteral("creditCode"), QString::fromLatin1(CreditCode::problemCode(p)));
        if (applicantField(QStringLiteral("legalRepresentative")).trimmed().isEmpty())
            problems.insert(QStringLiteral("legalRepresentative"), QStringLiteral("required"));
    }
    return problems;
}

void IntakeSession::applyIdentityCard(const QJsonObject &card)
{
    setApplicantKind(QStringLiteral("person"));
    setApplicantField(QStringLiteral("name"), card.value(QLatin1String("name")).toString());
    setApplicantField(QStringLiteral("idNumber"), card.value(QLatin1String("idNumber")).toString());
    if (!card.value(QLatin1String("address")).toString().isEmpty() && m_form.value(QLatin1String("address")).toString().isEmpty())
        setFormValue(QStringLiteral("address"), card.value(QLatin1String("address")).toString());
}

void IntakeSession::setHeldLicenses(const QStringList &types)
{
    m_heldLicenses = types;
    // Materials an electronic licence covers count as received ("data runs instead of people").
    for (const Material &m : std::as_const(m_materials)) {
        if (!m.eLicenseType.isEmpty() && types.contains(m.eLicenseType)
            && m_provisions.value(m.code).toString().isEmpty())
            m_provisions.insert(m.code, QStringLiteral("e_license"));
    }
    recompute();
    touch();
}

void IntakeSession::setMatters(const QJsonArray &matters, const QString &bundle)
{
    m_matters = matters;
    m_bundle = bundle;
    recompute();
    setHeldLicenses(m_heldLicenses);
}

QStringList IntakeSession::matterCodes() const
{
    QStringList codes;
    for (const auto &m : m_matters)
        codes << m.toObject().value(QLatin1String("code")).toString();
    return codes;
}

QStringList IntakeSession::matterNames() const
{
    QStringList names;
    for (const auto &m : m_matters)
        names << m.toObject().value(QLatin1String("name")).toString();
    return names;
}

void IntakeSession::setFormValue(const QString &key, const QString &value)
{
    if (m_form.value(key).toString() == value)
        return;
    m_form.insert(key, value);
    touch();
}

QMap<QString, QString> IntakeSession::formProblems() const
{
    QMap<QString, QString> problems;
    const std::optional<Date> today = toDate(this->today());
    for (const auto &f : m_fields) {
        const QJsonObject field = f.toObject();
        const QString key = field.value(QLatin1String("key")).toString();
        const QString type = field.value(QLatin1String("type")).toString();
        const QString value = m_form.value(key).toString().trimmed();
        if (value.isEmpty()) {
            if (field.value(QLatin1String("required")).toBool())
                problems.insert(key, QStringLiteral("required"));
            continue;
        }
        if (type == QLatin1String("id_number")) {
            const auto p = IdNumber::check(value.toStdString(), today);
            if (p != IdNumber::Problem::None)
                problems.insert(key, QString::fromLatin1(IdNumber::problemCode(p)));
        } else if (type == QLatin1String("credit_code")) {
            const auto p = CreditCode::check(value.toStdString());
            if (p != CreditCode::Problem::None)
                problems.insert(key, QString::fromLatin1(CreditCode::problemCode(p)));
        } else if (type == QLatin1String("phone") && !isPhone(value)) {
            problems.insert(key, QStringLiteral("invalid"));
        } else if ((type == QLatin1String("number") || type == QLatin1String("money"))) {
            bool ok = false;
            value.toDouble(&ok);
            if (!ok)
                problems.insert(key, QStringLiteral("invalid"));
        } else if (type == QLatin1String("date") && !QDate::fromString(value, Qt::ISODate).isValid()) {
            problems.insert(key, QStringLiteral("invalid"));
        }
    }
    return problems;
}

bool IntakeSession::setProvision(const QString &code, const QString &provided)
{
    const auto it = std::find_if(m_materials.begin(), m_materials.end(), [&](const Material &m) { return m.code == code; });
    if (it == m_materials.end())
        return false;
    if (provided == QLatin1String("deficient") && (!it->deficiencyAllowed || it->core))
        return false;
    // Offline, a licence cannot be looked up: it is taken as offered, and the server checks it.
    if (provided == QLatin1String("e_license")
        && (it->eLicenseType.isEmpty() || (!m_offline && !m_heldLicenses.contains(it->eLicenseType))))
        return false;
    if (m_provisions.value(code).toString() == provided)
        return true;
    if (provided.isEmpty())
        m_provisions.remove(code);
    else
        m_provisions.insert(code, provided);
    recompute();
    touch();
    return true;
}

void IntakeSession::setCalendar(const QJsonArray &days)
{
    m_calendar = days;
    recompute();
    emit changed();
}

void IntakeSession::recompute()
{
    std::vector<MatterRules> rules;
    for (const auto &m : m_matters)
        rules.push_back(rulesOf(m.toObject()));
    const MergedIntake merged = BundleMerge::merge(rules);
    m_separateFields = merged.reduction.separateFields;
    m_separateMaterials = merged.reduction.separateMaterials;
    // What another matter of the bundle produces is not asked for, as the server decides.
    m_produced.clear();
    for (const auto &p : merged.produced) {
        if (!merged.providedWithin(p.rule.code))
            continue;
        ProducedMaterial produced{QString::fromStdString(p.rule.code), QString::fromStdString(p.rule.name), {}};
        for (const auto &code : p.producedBy)
            produced.producedBy << QString::fromStdString(code);
        m_produced.append(produced);
    }

    m_fields = {};
    for (const auto &f : merged.fields) {
        m_fields.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(f.field.key)},
                                    {QStringLiteral("label"), QString::fromStdString(f.field.label)},
                                    {QStringLiteral("type"), QString::fromStdString(f.field.type)},
                                    {QStringLiteral("required"), f.field.required}});
    }
    // Shared fields pre-filled from the applicant where still empty.
    for (const auto &[key, source] : sharedFromApplicant(applicantKind())) {
        if (m_form.value(key).toString().isEmpty() && !m_applicant.value(source).toString().isEmpty())
            m_form.insert(key, m_applicant.value(source).toString());
    }

    const WorkCalendar calendar = workCalendarOf(m_calendar);
    m_materials.clear();
    for (const auto &m : merged.materials) {
        Material material;
        material.code = QString::fromStdString(m.rule.code);
        material.name = QString::fromStdString(m.rule.name);
        material.core = m.rule.core;
        material.required = m.rule.required || m.rule.core;
        material.deficiencyAllowed = m.rule.deficiencyAllowed && !m.rule.core;
        material.eLicenseType = QString::fromStdString(m.rule.eLicenseType);
        material.provided = m_provisions.value(material.code).toString();
        if (material.provided == QLatin1String("deficient")) {
            // The earliest date any matter that requires it allows, as the server will compute.
            std::optional<Date> due;
            for (const MatterRules &r : rules) {
                if (const MaterialRule *rule = r.material(m.rule.code); rule && (rule->required || rule->core)) {
                    const Date d = DeficiencyPolicy::dueDate(calendar, r, *rule, toDate(today()));
                    if (!due || daysBetween(d, *due) > 0)
                        due = d;
                }
            }
            material.dueDate = due ? fromDate(*due) : today();
        }
        m_materials.append(material);
    }
}

IntakeSession::Completeness IntakeSession::completeness() const
{
    if (m_materials.isEmpty())
        return Completeness::RequiredMissing;
    if (!oneTimeNotice().isEmpty())
        return Completeness::RequiredMissing;
    for (const Material &m : m_materials) {
        if (m.provided == QLatin1String("deficient"))
            return Completeness::CompleteExceptTolerated;
    }
    return Completeness::Complete;
}

QList<IntakeSession::NoticeItem> IntakeSession::oneTimeNotice() const
{
    MatterRules combined;
    std::map<std::string, Provision> provisions;
    for (const Material &m : m_materials) {
        MaterialRule rule;
        rule.code = m.code.toStdString();
        rule.name = m.name.toStdString();
        rule.core = m.core;
        rule.required = m.required;
        rule.deficiencyAllowed = m.deficiencyAllowed;
        combined.materials.push_back(rule);
        static const std::map<QString, Provision> kinds{{QStringLiteral("paper"), Provision::Paper},
                                                        {QStringLiteral("scan"), Provision::Scan},
                                                        {QStringLiteral("e_license"), Provision::ELicense},
                                                        {QStringLiteral("deficient"), Provision::Deficient}};
        const auto it = kinds.find(m.provided);
        provisions[rule.code] = it == kinds.end() ? Provision::Missing : it->second;
    }
    QList<NoticeItem> items;
    for (const auto &issue : DeficiencyPolicy::completeness(combined, provisions).issues) {
        const QString code = QString::fromStdString(issue.materialCode);
        QString name = code;
        for (const Material &m : m_materials) {
            if (m.code == code)
                name = m.name;
        }
        items.append({code, name, QString::fromLatin1(DeficiencyPolicy::issueCode(issue.kind))});
    }
    return items;
}

void IntakeSession::setOffline(bool offline)
{
    m_offline = offline;
}

QJsonObject IntakeSession::provisionalCase(const QJsonObject &queued, const UserInfo &clerk) const
{
    const QDateTime takenAt = QDateTime::fromString(queued.value(QLatin1String("takenAt")).toString(), Qt::ISODate);
    const Date day = toDate(takenAt.date());
    const WorkingMoment start{day, takenAt.time().hour() < 12 ? DayPart::Morning : DayPart::Afternoon};
    WorkingDays promised, legal;
    QJsonArray matters;
    for (const auto &value : m_matters) {
        const QJsonObject m = value.toObject();
        promised = std::max(promised, WorkingDays::fromDouble(m.value(QLatin1String("promisedDays")).toDouble()));
        legal = std::max(legal, WorkingDays::fromDouble(m.value(QLatin1String("legalDays")).toDouble()));
        matters.append(QJsonObject{{QStringLiteral("code"), m.value(QLatin1String("code"))},
                                   {QStringLiteral("name"), m.value(QLatin1String("name"))},
                                   {QStringLiteral("department"), m.value(QLatin1String("department"))}});
    }
    const WorkCalendar calendar = workCalendarOf(m_calendar);
    QJsonArray materials;
    QJsonArray deficiencies;
    for (const Material &m : m_materials) {
        materials.append(QJsonObject{{QStringLiteral("code"), m.code},
                                     {QStringLiteral("name"), m.name},
                                     {QStringLiteral("core"), m.core},
                                     {QStringLiteral("required"), m.required},
                                     {QStringLiteral("provided"), m.provided.isEmpty() ? QStringLiteral("missing") : m.provided}});
        if (m.provided == QLatin1String("deficient"))
            deficiencies.append(QJsonObject{{QStringLiteral("material"), m.code},
                                            {QStringLiteral("materialName"), m.name},
                                            {QStringLiteral("dueDate"), m.dueDate.toString(Qt::ISODate)},
                                            {QStringLiteral("status"), QStringLiteral("outstanding")}});
    }
    // The channel as the server decides it for the user.
    const QString channel = clerk.role == QLatin1String("agent") ? QStringLiteral("village") : QStringLiteral("counter");
    return QJsonObject{
        {QStringLiteral("number"), queued.value(QLatin1String("number"))},
        {QStringLiteral("status"), deficiencies.isEmpty() ? QStringLiteral("accepted") : QStringLiteral("accepted_with_deficiency")},
        {QStringLiteral("matters"), matters},
        {QStringLiteral("bundle"), queued.value(QLatin1String("bundle"))},
        {QStringLiteral("applicant"), queued.value(QLatin1String("applicant"))},
        {QStringLiteral("center"), queued.value(QLatin1String("center"))},
        {QStringLiteral("clerk"), clerk.username},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("greenChannel"), queued.value(QLatin1String("greenChannel")).toBool()},
        {QStringLiteral("form"), queued.value(QLatin1String("form"))},
        {QStringLiteral("acceptedAt"), queued.value(QLatin1String("takenAt"))},
        {QStringLiteral("promisedDueDate"), fromDate(calendar.deadline(start, promised).date).toString(Qt::ISODate)},
        {QStringLiteral("legalDueDate"), fromDate(calendar.deadline(start, legal).date).toString(Qt::ISODate)},
        {QStringLiteral("materials"), materials},
        {QStringLiteral("deficiencies"), deficiencies},
        {QStringLiteral("pendingUpload"), true}};
}

QJsonObject IntakeSession::body() const
{
    QJsonObject applicant{{QStringLiteral("kind"), applicantKind()},
                          {QStringLiteral("name"), applicantField(QStringLiteral("name"))},
                          {QStringLiteral("phone"), applicantField(QStringLiteral("phone"))}};
    if (applicantKind() == QLatin1String("person")) {
        applicant.insert(QStringLiteral("idNumber"), applicantField(QStringLiteral("idNumber")));
    } else {
        applicant.insert(QStringLiteral("creditCode"), applicantField(QStringLiteral("creditCode")));
        applicant.insert(QStringLiteral("legalRepresentative"), applicantField(QStringLiteral("legalRepresentative")));
    }
    QJsonObject form;
    for (const auto &f : m_fields) {
        const QString key = f.toObject().value(QLatin1String("key")).toString();
        if (!m_form.value(key).toString().isEmpty())
            form.insert(key, m_form.value(key).toString());
    }
    QJsonArray materials;
    for (const Material &m : m_materials) {
        if (m.provided.isEmpty())
            continue;
        QJsonObject o{{QStringLiteral("code"), m.code}, {QStringLiteral("provided"), m.provided}};
        materials.append(o);
    }
    QJsonObject body{{QStringLiteral("applicant"), applicant},
                     {QStringLiteral("center"), m_center},
                     {QStringLiteral("form"), form},
                     {QStringLiteral("materials"), materials}};
    if (m_greenChannel) {
        body.insert(QStringLiteral("greenChannel"), true);
        body.insert(QStringLiteral("greenChannelReason"), m_greenChannelReason.trimmed());
    }
    if (!m_bundle.isEmpty()) {
        body.insert(QStringLiteral("bundle"), m_bundle);
    } else {
        QJsonArray codes;
        for (const QString &c : matterCodes())
            codes.append(c);
        body.insert(QStringLiteral("matters"), codes);
    }
    return body;
}

void IntakeSession::submit()
{
    post(body());
}

void IntakeSession::submitRefusal(const QString &kind, const QString &reasonCode, const QString &note)
{
    QJsonObject refused = body();
    refused.insert(QStringLiteral("refusal"), QJsonObject{{QStringLiteral("kind"), kind},
                                                         {QStringLiteral("reason"), reasonCode},
                                                         {QStringLiteral("note"), note.trimmed()}});
    post(refused);
}

QList<QPair<QString, QString>> IntakeSession::refusalReasons() const
{
    QList<QPair<QString, QString>> out;
    QSet<QString> seen;
    for (const QJsonValue &m : m_matters) {
        for (const QJsonValue &r : m.toObject().value(QLatin1String("reasons")).toArray()) {
            const QJsonObject reason = r.toObject();
            const QString code = reason.value(QLatin1String("code")).toString();
            if (reason.value(QLatin1String("use")).toString() == QLatin1String("not_accepted") && !seen.contains(code)) {
                seen.insert(code);
                out.append({code, reason.value(QLatin1String("text")).toString()});
            }
        }
    }
    return out;
}

void IntakeSession::submitOffline(NumberStock *stock)
{
    if (m_submitting || !stock)
        return;
    m_submitting = true;
    // The number is the intake's own (its key), the same one if this is done again after a crash.
    stock->take(m_idempotencyKey, [this](const QString &number) {
        if (number.isEmpty()) {
            m_submitting = false;
            ApiError error;
            error.kind = ApiError::Kind::OfflineRefused;
            error.code = QStringLiteral("offline_no_number");
            emit submitFailed(error, false);
            return;
        }
        QJsonObject requestBody = body();
        requestBody.insert(QStringLiteral("number"), number);
        // The case counts from now, as the papers printed now say, whenever it reaches the server.
        // The server's date (which a training server may pretend) at this PC's local time, with its offset.
        const QDateTime local = m_api->clock()->now().toLocalTime();
        QDateTime takenAt(today(), QTime(local.time().hour(), local.time().minute(), local.time().second()));
        takenAt.setOffsetFromUtc(local.offsetFromUtc());
        requestBody.insert(QStringLiteral("takenAt"), takenAt.toString(Qt::ISODate));
        m_store->enqueueIntake(m_idempotencyKey, requestBody, this, [this, number, requestBody] {
            m_submitting = false;
            m_store->removeDraft(m_draftKey);
            emit queued(number, requestBody);
        });
    });
}

void IntakeSession::post(const QJsonObject &requestBody)
{
    if (m_submitting)
        return;
    m_submitting = true;
    m_api->create(QStringLiteral("/cases"), requestBody, [this](const ApiResponse &r) {
        m_submitting = false;
        if (r.ok()) {
            m_store->removeDraft(m_draftKey);
            emit submitted(r.object());
            return;
        }
        const bool retryable = r.error.kind == ApiError::Kind::Network || r.error.kind == ApiError::Kind::Timeout
                               || r.error.status >= 500;
        emit submitFailed(r.error, retryable);
    }, this, m_idempotencyKey);
}

void IntakeSession::touch()
{
    // Nothing typed and nothing chosen is no intake to resume.
    const bool blank = applicantName().isEmpty() && applicantField(QStringLiteral("idNumber")).isEmpty()
                       && applicantField(QStringLiteral("creditCode")).isEmpty() && m_matters.isEmpty();
    if (!m_draftKey.isEmpty() && blank)
        m_store->removeDraft(m_draftKey);
    else if (!m_draftKey.isEmpty())
        m_store->saveDraft(m_draftKey, toJson());
    emit changed();
}

} // namespace onewindow::models
