#include "taxplugin.h"

#include "domain/creditcode.h"
#include "plugincontext.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace onewindow::tax {

namespace {

/// The plugin's one translation context, "Taxation".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Taxation)
};

} // namespace

bool TaxPlugin::initialize(sdk::PluginContext &context, QString * /*errorString*/)
{
    qCInfo(context.log()) << "taxation plugin ready: taxpayer identification numbers";
    return true;
}

QString TaxPlugin::checkTaxpayerNumber(const QString &value)
{
    switch (CreditCode::check(value.toStdString())) {
    case CreditCode::Problem::None:
    case CreditCode::Problem::Empty:
        return {}; // whether a value is required is the form's rule
    case CreditCode::Problem::Length:
        return Tr::tr("Not a valid taxpayer identification number: an enterprise's is its unified social credit "
                      "code, 18 characters long.");
    case CreditCode::Problem::Characters:
        return Tr::tr("Not a valid taxpayer identification number: only digits and the capital letters A to Y "
                      "without I, O, S, V and Z.");
    case CreditCode::Problem::Region:
        return Tr::tr("Not a valid taxpayer identification number: characters 3 to 8 are the digits of the region "
                      "of registration.");
    case CreditCode::Problem::CheckCharacter:
        return Tr::tr("Not a valid taxpayer identification number: the check character does not match; compare it "
                      "with the business licence.");
    }
    return {};
}

QList<sdk::FieldValidator> TaxPlugin::validators() const
{
    return {{QStringLiteral("tax.taxpayer-number"), QStringLiteral("credit_code"), QStringLiteral("TX"),
        &checkTaxpayerNumber}};
}

} // namespace onewindow::tax
