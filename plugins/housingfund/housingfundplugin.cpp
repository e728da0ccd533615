#include "housingfundplugin.h"

#include "domain/creditcode.h"
#include "models/todaycasesmodel.h"
#include "plugincontext.h"
#include "todaycasespage.h"
#include "tr.h"

#include <QLocale>
#include <QLoggingCategory>

namespace onewindow::housingfund {

namespace {

const QString kDepartment = QStringLiteral("HF");

} // namespace

HousingFundPlugin::HousingFundPlugin(QObject *parent)
    : QObject(parent)
{ }

HousingFundPlugin::~HousingFundPlugin() = default;

bool HousingFundPlugin::initialize(sdk::PluginContext &context, QString *errorString)
{
    // The workbench page lists cases from the server; without a connection there is nothing to show.
    if (!context.api()) {
        *errorString = Tr::tr("The housing fund plugin needs the connection to the server.");
        return false;
    }
    m_context = &context;
    qCInfo(context.log()) << "housing fund plugin ready: credit code checks, acceptance notice, today's cases";
    return true;
}

void HousingFundPlugin::aboutToShutdown()
{
    if (m_context)
        qCInfo(m_context->log()) << "housing fund plugin stopping";
}

QString HousingFundPlugin::checkCreditCode(const QString &value)
{
    switch (CreditCode::check(value.toStdString())) {
    case CreditCode::Problem::None:
    case CreditCode::Problem::Empty:
        return {};
    case CreditCode::Problem::Length:
        return Tr::tr("Not a valid unified social credit code: it must have 18 characters.");
    case CreditCode::Problem::Characters:
        return Tr::tr("Not a valid unified social credit code: only digits and the capital letters A to Y "
                      "without I, O, S, V and Z may be used.");
    case CreditCode::Problem::Region:
        return Tr::tr("Not a valid unified social credit code: characters 3 to 8 must be the digits of a region "
                      "code.");
    case CreditCode::Problem::CheckCharacter:
        return Tr::tr("Not a valid unified social credit code: the check character does not match.");
    }
    return {};
}

QList<sdk::FieldValidator> HousingFundPlugin::validators() const
{
    // The applicant's own code and, in deposit matters, the employer's.
    return {
        {QStringLiteral("housingfund.credit-code"), QStringLiteral("credit_code"), kDepartment, &checkCreditCode},
        {QStringLiteral("housingfund.employer-credit-code"), QStringLiteral("employer_credit_code"), kDepartment,
            &checkCreditCode},
    };
}

QList<sdk::PrintTemplate> HousingFundPlugin::printTemplates() const
{
    // The fund's notice names the 12329 hotline and its fee-free rule: every HF matter prints it.
    return {{QStringLiteral("acceptance"), kDepartment, QString(), QStringLiteral(":/housingfund/acceptance.html")}};
}

QList<sdk::WorkbenchPage> HousingFundPlugin::workbenchPages() const
{
    models::ApiClient *api = m_context ? m_context->api() : nullptr;
    models::ServerClock *clock = m_context ? m_context->clock() : nullptr;
    if (!api || !clock)
        return {};
    return {{QStringLiteral("housingfund.today"), Tr::tr("Today's housing fund cases"), kDepartment,
        {QStringLiteral("clerk"), QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("approver")},
        [api, clock](QWidget *parent) -> QWidget * {
            auto *page = new sdk::TodayCasesPage(new models::TodayCasesModel(api, clock, kDepartment),
                Tr::tr("Today's housing fund cases"), [](const models::TodayCasesModel &model) {
                    return Tr::tr("%n housing fund case(s) accepted today, %1.", nullptr, model.rowCount())
                        .arg(QLocale().toString(model.today(), QLocale::LongFormat));
                }, parent);
            page->setObjectName(QStringLiteral("housingfund.today"));
            return page;
        }}};
}

} // namespace onewindow::housingfund
