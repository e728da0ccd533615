#include "marketplugin.h"

#include "businessscopeedit.h"
#include "domain/businessscope.h"
#include "domain/registeredcapital.h"
#include "models/todaycasesmodel.h"
#include "plugincontext.h"
#include "shareholderspage.h"
#include "todaycasespage.h"
#include "tr.h"

#include <QLocale>
#include <QLoggingCategory>

#include <string>

namespace onewindow::market {

namespace {

const QString kDepartment = QStringLiteral("MR");
// The registrations that establish a business: 企业设立登记, 个体工商户设立登记.
const QStringList kEstablishments {QStringLiteral("MR-001"), QStringLiteral("MR-004")};

} // namespace

MarketPlugin::MarketPlugin(QObject *parent)
    : QObject(parent)
{ }

MarketPlugin::~MarketPlugin() = default;

bool MarketPlugin::initialize(sdk::PluginContext &context, QString * /*errorString*/)
{
    // The checks work without the server (a village centre offline); the page needs it and is
    // offered only with a connection.
    m_context = &context;
    qCInfo(context.log()) << "market regulation plugin ready: registered capital and business scope checks,"
                          << (context.api() ? "today's establishments" : "no workbench page without a server");
    return true;
}

void MarketPlugin::aboutToShutdown()
{
    if (m_context)
        qCInfo(m_context->log()) << "market regulation plugin stopping";
}

QString MarketPlugin::checkRegisteredCapital(const QString &value)
{
    if (value.isEmpty())
        return {}; // whether a value is required is the form's rule
    switch (RegisteredCapital::check(value.toStdString())) {
    case RegisteredCapital::Problem::None:
    case RegisteredCapital::Problem::Empty:
        return {};
    case RegisteredCapital::Problem::Format:
        return Tr::tr("Not a valid registered capital: write the amount in 10,000 yuan in digits, e.g. 100 or 12.5, "
                      "without a sign, spaces or separators.");
    case RegisteredCapital::Problem::TooManyDecimals:
        return Tr::tr("Not a valid registered capital: at most six decimals (10,000 yuan to the fen).");
    case RegisteredCapital::Problem::NotPositive:
        return Tr::tr("Not a valid registered capital: it must be more than zero.");
    case RegisteredCapital::Problem::TooLarge:
        return Tr::tr("Not a valid registered capital: more than 100,000,000 (in 10,000 yuan). Was it typed in "
                      "yuan?");
    }
    return {};
}

QString MarketPlugin::checkBusinessScope(const QString &value)
{
    if (value.isEmpty())
        return {};
    std::string offending;
    const BusinessScope::Problem problem = BusinessScope::check(value.toStdString(), &offending);
    const QString code = QString::fromStdString(offending);
    switch (problem) {
    case BusinessScope::Problem::None:
        return {};
    case BusinessScope::Problem::Empty:
        return Tr::tr("Not a valid business scope: give at least one industry code, e.g. C1742.");
    case BusinessScope::Problem::Format:
        return Tr::tr("Not a valid business scope: “%1” is not an industry code (a letter and four digits, "
                      "e.g. C1742).")
            .arg(code);
    case BusinessScope::Problem::Section:
        return Tr::tr("Not a valid business scope: in “%1” the letter is not the section of the industry its "
                      "digits name.")
            .arg(code);
    case BusinessScope::Problem::UnknownCode:
        return Tr::tr("Not a valid business scope: “%1” is not an industry this hall registers.").arg(code);
    case BusinessScope::Problem::Duplicate:
        return Tr::tr("Not a valid business scope: “%1” is given twice.").arg(code);
    }
    return {};
}

QList<sdk::FieldTypeFactory> MarketPlugin::fieldTypes() const
{
    // The catalog's business_scope fields: the codes complete as they are typed.
    return {{QStringLiteral("business_scope"),
        [](const sdk::FieldSpec &, QWidget *parent) -> QWidget * { return new BusinessScopeEdit(parent); }}};
}

QList<sdk::FieldValidator> MarketPlugin::validators() const
{
    return {
        {QStringLiteral("market.registered-capital"), QStringLiteral("registered_capital"), kDepartment,
            &checkRegisteredCapital},
        {QStringLiteral("market.business-scope"), QStringLiteral("business_scope"), kDepartment, &checkBusinessScope},
    };
}

QList<sdk::ELicenseMapping> MarketPlugin::eLicenseMappings() const
{
    return {{QStringLiteral("BUSINESS_LICENSE"), QStringLiteral("BUSINESS_LICENSE")},
            {QStringLiteral("BUSINESS_LICENSE"), QStringLiteral("BUSINESS_LICENSE_COPY")}};
}

QList<sdk::PrintTemplate> MarketPlugin::printTemplates() const
{
    return {{QStringLiteral("result"), kDepartment, QStringLiteral("B-OPEN-RESTAURANT"),
             QStringLiteral(":/market/combined-licence.html")}};
}

QList<sdk::WizardPageFactory> MarketPlugin::wizardPages() const
{
    return {{QStringLiteral("MR-001"), [](QWidget *parent) -> QWizardPage * { return new ShareholdersPage(parent); }}};
}

QList<sdk::WorkbenchPage> MarketPlugin::workbenchPages() const
{
    models::ApiClient *api = m_context ? m_context->api() : nullptr;
    models::ServerClock *clock = m_context ? m_context->clock() : nullptr;
    if (!api || !clock)
        return {};
    // The counters and the hall see every department's cases; of the approvers, market regulation's own.
    QStringList roles {QStringLiteral("clerk"), QStringLiteral("agent"), QStringLiteral("supervisor")};
    if (m_context->userDepartment() == kDepartment)
        roles << QStringLiteral("approver");
    return {{QStringLiteral("market.today"), Tr::tr("Today's establishments"), kDepartment, roles,
        [api, clock](QWidget *parent) -> QWidget * {
            // The day's establishments: the registrations that open an enterprise or a
            // self-employed business, alone or in a bundle.
            auto *page = new sdk::TodayCasesPage(new models::TodayCasesModel(api, clock, kDepartment, kEstablishments),
                Tr::tr("Today's establishments"), [](const models::TodayCasesModel &model) {
                    return Tr::tr("%n establishment(s) accepted today, %1; enterprises: %2.", nullptr, model.rowCount())
                        .arg(QLocale().toString(model.today(), QLocale::LongFormat))
                        .arg(model.organizationCount());
                }, parent);
            page->setObjectName(QStringLiteral("market.today"));
            return page;
        }}};
}

} // namespace onewindow::market
