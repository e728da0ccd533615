#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QObject>

namespace onewindow::housingfund {

/// The housing provident fund (住房公积金, department HF): checks unified social credit codes in
/// its matters' forms, prints its own acceptance notice and shows today's HF cases on the
/// workbench.
class HousingFundPlugin final : public QObject,
                                public sdk::IDepartmentPlugin,
                                public sdk::IValidatorProvider,
                                public sdk::IPrintTemplateProvider,
                                public sdk::IWorkbenchPageProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "housingfund.json")
    Q_INTERFACES(onewindow::sdk::IDepartmentPlugin onewindow::sdk::IValidatorProvider
            onewindow::sdk::IPrintTemplateProvider onewindow::sdk::IWorkbenchPageProvider)

public:
    explicit HousingFundPlugin(QObject *parent = nullptr);
    ~HousingFundPlugin() override;

    bool initialize(sdk::PluginContext &context, QString *errorString) override;
    void aboutToShutdown() override;

    QList<sdk::FieldValidator> validators() const override;
    QList<sdk::PrintTemplate> printTemplates() const override;
    QList<sdk::WorkbenchPage> workbenchPages() const override;

    /// An empty string when `value` is a valid unified social credit code or empty (whether a
    /// value is required is the form's rule), else what is wrong with it in the user's language.
    static QString checkCreditCode(const QString &value);

private:
    sdk::PluginContext *m_context = nullptr;
};

} // namespace onewindow::housingfund
