#include "publicsecurityplugin.h"

#include "domain/birthcertificate.h"
#include "plugincontext.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace onewindow::publicsecurity {

namespace {

/// The plugin's one translation context, "PublicSecurity".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PublicSecurity)
};

} // namespace

bool PublicSecurityPlugin::initialize(sdk::PluginContext &context, QString * /*errorString*/)
{
    qCInfo(context.log()) << "public security plugin ready: birth medical certificate numbers";
    return true;
}

QString PublicSecurityPlugin::checkBirthCertificateNumber(const QString &value)
{
    switch (BirthCertificateNumber::check(value.toStdString())) {
    case BirthCertificateNumber::Problem::None:
    case BirthCertificateNumber::Problem::Empty:
        return {}; // whether a value is required is the form's rule
    case BirthCertificateNumber::Problem::Length:
        return Tr::tr("Not a valid birth medical certificate number: it has ten characters, a letter and nine "
                      "digits, e.g. X320101001.");
    case BirthCertificateNumber::Problem::Characters:
        return Tr::tr("Not a valid birth medical certificate number: a letter, then nine digits, e.g. X320101001.");
    case BirthCertificateNumber::Problem::Province:
        return Tr::tr("Not a valid birth medical certificate number: the first two digits are the code of the "
                      "province that issued it, e.g. 32 for Jiangsu.");
    }
    return {};
}

QList<sdk::FieldValidator> PublicSecurityPlugin::validators() const
{
    return {{QStringLiteral("publicsecurity.birth-certificate"), QStringLiteral("birth_cert_number"),
        QStringLiteral("PS"), &checkBirthCertificateNumber}};
}

} // namespace onewindow::publicsecurity
