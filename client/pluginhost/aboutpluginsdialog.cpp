#include "aboutpluginsdialog.h"

#include "pluginlistmodel.h"
#include "pluginspec.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::pluginhost {

AboutPluginsDialog::AboutPluginsDialog(PluginManager *manager, QWidget *parent)
    : QDialog(parent)
    , m_model(new PluginListModel(manager, this))
    , m_table(new QTableView(this))
    , m_details(new QLabel(this))
{
    setWindowTitle(tr("About Plugins"));

    auto *intro = new QLabel(tr("Department plugins found by the client. A plugin that could not start says why "
                                "in the Error column."),
        this);
    intro->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Plugins"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(tr("Plugin columns"));
    m_table->resizeColumnsToContents();
    intro->setBuddy(m_table);

    // Errors and descriptions come from plugin files: shown as plain text, never as markup.
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("Details"));
    m_details->setFocusPolicy(Qt::StrongFocus);
    m_details->setMinimumHeight(fontMetrics().lineSpacing() * 4);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addWidget(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AboutPluginsDialog::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AboutPluginsDialog::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        showDetails();
    });
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    showDetails();
    resize(900, 420);
}

AboutPluginsDialog::~AboutPluginsDialog() = default;

void AboutPluginsDialog::showDetails()
{
    const PluginSpec *spec = m_model->spec(m_table->currentIndex().row());
    if (!spec) {
        m_details->setText(tr("Select a plugin to see its details."));
        return;
    }
    QStringList lines;
    lines << tr("%1 %2 (%3)").arg(spec->name(), spec->version(), PluginSpec::stateName(spec->state()));
    if (!spec->description().isEmpty())
        lines << spec->description();
    if (!spec->vendor().isEmpty())
        lines << tr("Vendor: %1").arg(spec->vendor());
    QStringList dependencies;
    for (const PluginSpec::Dependency &d : spec->dependencies())
        dependencies << tr("%1 %2").arg(d.id, d.version);
    if (!dependencies.isEmpty())
        lines << tr("Depends on: %1").arg(dependencies.join(QStringLiteral(", ")));
    if (spec->hasError())
        lines << tr("Error: %1").arg(spec->errorString());
    m_details->setText(lines.join(QLatin1Char('\n')));
}

} // namespace onewindow::pluginhost
