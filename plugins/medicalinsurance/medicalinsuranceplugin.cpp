#include "medicalinsuranceplugin.h"

#include "domain/idnumber.h"
#include "models/serverclock.h"
#include "plugincontext.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace onewindow::medicalinsurance {

namespace {

/// The plugin's one translation context, "MedicalInsurance".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MedicalInsurance)
};

const QString kDepartment = QStringLiteral("MI");

} // namespace

bool MedicalInsurancePlugin::initialize(sdk::PluginContext &context, QString * /*errorString*/)
{
    // Nothing here needs the server: the checks and the notice work offline too.
    m_context = &context;
    qCInfo(context.log()) << "medical insurance plugin ready: social security numbers, acceptance notice";
    return true;
}

QString MedicalInsurancePlugin::checkSocialSecurityNumber(const QString &value, const QDate &today)
{
    // The Social Insurance Law (art. 58) makes a person's social security number their citizen ID number.
    std::optional<Date> day;
    if (today.isValid())
        day = Date {std::chrono::year(today.year()), std::chrono::month(static_cast<unsigned>(today.month())),
            std::chrono::day(static_cast<unsigned>(today.day()))};
    switch (IdNumber::check(value.toStdString(), day)) {
    case IdNumber::Problem::None:
    case IdNumber::Problem::Empty:
        return {};
    case IdNumber::Problem::Length:
        return Tr::tr("Not a valid social security number: it is the insured person's citizen ID number, "
                      "18 characters long.");
    case IdNumber::Problem::Characters:
        return Tr::tr("Not a valid social security number: 17 digits, then a digit or X.");
    case IdNumber::Problem::BirthDate:
        return Tr::tr("Not a valid social security number: characters 7 to 14 must be the insured person's "
                      "birth date.");
    case IdNumber::Problem::CheckCharacter:
        return Tr::tr("Not a valid social security number: the check character does not match; compare it "
                      "with the insured person's social security card.");
    }
    return {};
}

QList<sdk::FieldValidator> MedicalInsurancePlugin::validators() const
{
    // The server's date, when known: a number whose birth date is after it is refused there too.
    const models::ServerClock *clock = m_context ? m_context->clock() : nullptr;
    return {{QStringLiteral("medicalinsurance.social-security-number"), QStringLiteral("social_security_number"),
        kDepartment, [clock](const QString &value) {
            return checkSocialSecurityNumber(value, clock && clock->isKnown() ? clock->today() : QDate());
        }}};
}

QList<sdk::PrintTemplate> MedicalInsurancePlugin::printTemplates() const
{
    // Every MI matter's acceptance notice names the 12393 hotline and what medical insurance asks of the applicant.
    return {
        {QStringLiteral("acceptance"), kDepartment, QString(), QStringLiteral(":/medicalinsurance/acceptance.html")}};
}

} // namespace onewindow::medicalinsurance
