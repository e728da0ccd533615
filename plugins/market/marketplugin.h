#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QObject>

namespace onewindow::market {

/// Market regulation (市场监管, department MR): checks the registered capital and the business
/// scope in its matters' forms, edits the business scope with completion of the industry codes,
/// shows the day's establishments on the workbench, names the electronic business licence for the
/// materials it stands for (offered in the matter editor), adds the shareholders' page to an
/// enterprise's establishment, and prints the restaurant bundle's result as one combined
/// industry licence (一业一证).
class MarketPlugin final : public QObject,
                           public sdk::IDepartmentPlugin,
                           public sdk::IFieldTypeProvider,
                           public sdk::IValidatorProvider,
                           public sdk::IELicenseMappingProvider,
                           public sdk::IWorkbenchPageProvider,
                           public sdk::IPrintTemplateProvider,
                           public sdk::IWizardPageProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "market.json")
    Q_INTERFACES(onewindow::sdk::IDepartmentPlugin onewindow::sdk::IFieldTypeProvider onewindow::sdk::IValidatorProvider
            onewindow::sdk::IELicenseMappingProvider onewindow::sdk::IWorkbenchPageProvider
                onewindow::sdk::IPrintTemplateProvider onewindow::sdk::IWizardPageProvider)

public:
    explicit MarketPlugin(QObject *parent = nullptr);
    ~MarketPlugin() override;

    bool initialize(sdk::PluginContext &context, QString *errorString) override;
    void aboutToShutdown() override;

    QList<sdk::FieldTypeFactory> fieldTypes() const override;
    QList<sdk::FieldValidator> validators() const override;
    QList<sdk::WorkbenchPage> workbenchPages() const override;
    /// The electronic business licence stands for the paper one and for its copy.
    QList<sdk::ELicenseMapping> eLicenseMappings() const override;
    /// The result of the restaurant bundle (B-OPEN-RESTAURANT): the combined industry licence
    /// 行业综合许可证, which replaces the food-business licence and the shop-sign filing.
    QList<sdk::PrintTemplate> printTemplates() const override;
    /// An enterprise's establishment (MR-001): the shareholders and their contributions, which
    /// add up to the registered capital (ShareholdersPage).
    QList<sdk::WizardPageFactory> wizardPages() const override;

    /// An empty string when `value` is a valid registered capital in 万元 (domain
    /// RegisteredCapital) or empty, else what is wrong with it in the user's language.
    static QString checkRegisteredCapital(const QString &value);
    /// The same for a business scope: industry codes of GB/T 4754-2017 (domain BusinessScope).
    static QString checkBusinessScope(const QString &value);

private:
    sdk::PluginContext *m_context = nullptr;
};

} // namespace onewindow::market
