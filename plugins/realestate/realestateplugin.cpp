#include "realestateplugin.h"

#include "domain/propertycertificate.h"
#include "models/serverclock.h"
#include "plugincontext.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace onewindow::realestate {

namespace {

/// The plugin's one translation context, "RealEstate".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RealEstate)
};

const QString kDepartment = QStringLiteral("RE");

} // namespace

bool RealEstatePlugin::initialize(sdk::PluginContext &context, QString * /*errorString*/)
{
    m_context = &context;
    qCInfo(context.log()) << "real estate registration plugin ready: certificate numbers, acceptance notice";
    return true;
}

QString RealEstatePlugin::checkCertificateNumber(const QString &value, const QDate &today)
{
    if (value.isEmpty())
        return {}; // whether a value is required is the form's rule
    std::optional<Date> day;
    if (today.isValid())
        day = Date {std::chrono::year(today.year()), std::chrono::month(static_cast<unsigned>(today.month())),
            std::chrono::day(static_cast<unsigned>(today.day()))};
    switch (PropertyCertificateNumber::check(value.toStdString(), day)) {
    case PropertyCertificateNumber::Problem::None:
    case PropertyCertificateNumber::Problem::Empty:
        return {};
    case PropertyCertificateNumber::Problem::Province:
        return Tr::tr("Not a valid property certificate number: it begins with the abbreviation of the province, "
                      "e.g. 苏.");
    case PropertyCertificateNumber::Problem::Year:
        return Tr::tr("Not a valid property certificate number: the year of registration follows in parentheses, "
                      "from 2015 to this year, e.g. (2026).");
    case PropertyCertificateNumber::Problem::District:
        return Tr::tr("Not a valid property certificate number: the city or county that registered it follows "
                      "the year, in two to twenty Chinese characters, e.g. 吴江区.");
    case PropertyCertificateNumber::Problem::Sequence:
        return Tr::tr("Not a valid property certificate number: it ends in 不动产权第, seven digits and 号, e.g. "
                      "不动产权第0001234号.");
    }
    return {};
}

QList<sdk::FieldValidator> RealEstatePlugin::validators() const
{
    // The server's date, when known: a certificate of a later year is refused there too.
    const models::ServerClock *clock = m_context ? m_context->clock() : nullptr;
    return {{QStringLiteral("realestate.property-certificate"), QStringLiteral("property_cert_number"), kDepartment,
        [clock](const QString &value) {
            return checkCertificateNumber(value, clock && clock->isKnown() ? clock->today() : QDate());
        }}};
}

QList<sdk::PrintTemplate> RealEstatePlugin::printTemplates() const
{
    // The registration's notice says when the register is written and what the applicant brings
    // to collect the certificate: every RE matter prints it.
    return {{QStringLiteral("acceptance"), kDepartment, QString(), QStringLiteral(":/realestate/acceptance.html")}};
}

} // namespace onewindow::realestate
