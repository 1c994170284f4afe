#include "AuditLogDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bankid {

AuditLogDialog::AuditLogDialog(const QString &logPath, QWidget *parent)
    : QDialog(parent)
    , m_path(logPath)
    , m_pathLabel(new QLabel(this))
    , m_entriesTreeWidget(new QTreeWidget(this))
    , m_verdictLabel(new QLabel(this))
    , m_verifyPushButton(new QPushButton(this))
    , m_reloadPushButton(new QPushButton(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("auditLogDialog"));
    m_pathLabel->setObjectName(QStringLiteral("pathLabel"));
    m_entriesTreeWidget->setObjectName(QStringLiteral("entriesTreeWidget"));
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    m_verifyPushButton->setObjectName(QStringLiteral("verifyPushButton"));
    m_reloadPushButton->setObjectName(QStringLiteral("reloadPushButton"));
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));

    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_pathLabel->setWordWrap(true);
    m_verdictLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setFrameShape(QFrame::StyledPanel);
    m_entriesTreeWidget->setColumnCount(ColumnCount);
    m_entriesTreeWidget->setRootIsDecorated(false);
    m_entriesTreeWidget->setUniformRowHeights(true);
    m_entriesTreeWidget->setAlternatingRowColors(true);
    m_entriesTreeWidget->setSelectionMode(QAbstractItemView::SingleSelection);
    m_entriesTreeWidget->header()->setStretchLastSection(true);
    m_buttonBox->addButton(m_verifyPushButton, QDialogButtonBox::ActionRole);
    m_buttonBox->addButton(m_reloadPushButton, QDialogButtonBox::ActionRole);
    m_verifyPushButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pathLabel);
    layout->addWidget(m_entriesTreeWidget, 1);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_buttonBox);
    connect(m_verifyPushButton, &QPushButton::clicked, this, &AuditLogDialog::verify);
    connect(m_reloadPushButton, &QPushButton::clicked, this, &AuditLogDialog::reload);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resize(900, 520);
    retranslateUi();
    reload();
}

void AuditLogDialog::reload()
{
    m_report.reset();
    m_entriesTreeWidget->clear();
    if (QFileInfo::exists(m_path)) {
        const AuditVerifier::Report report = AuditVerifier::verifyFile(m_path);
        const QLocale locale;
        for (const AuditVerifier::Record &record : report.records) {
            auto *item = new QTreeWidgetItem(m_entriesTreeWidget);
            item->setText(LineColumn, QString::number(record.line));
            item->setData(LineColumn, Qt::UserRole, record.line);
            item->setText(TimeColumn, locale.toString(record.time.toLocalTime(), QLocale::ShortFormat));
            item->setToolTip(TimeColumn, auditTimestamp(record.time));
            item->setText(OperatorColumn, record.entry.operatorName);
            item->setText(FlowColumn, record.entry.flow);
            item->setText(PersonalNumberColumn, record.entry.personalNumberMasked);
            item->setText(OutcomeColumn, record.entry.outcomeText());
            item->setToolTip(OutcomeColumn, record.entry.hints.join(QStringLiteral(" → ")));
        }
    }
    for (int column = 0; column < OutcomeColumn; ++column)
        m_entriesTreeWidget->resizeColumnToContents(column);
    m_entriesTreeWidget->scrollToBottom();
    showVerdict();
}

void AuditLogDialog::verify()
{
    if (!QFileInfo::exists(m_path)) {
        AuditVerifier::Report report;
        m_report = report; // an absent log has nothing to verify: shown as such, not as a problem
    } else {
        reload();
        m_report = AuditVerifier::verifyFile(m_path);
    }
    showVerdict();
}

QString AuditLogDialog::verdictText() const
{
    return m_verdictLabel->text();
}

void AuditLogDialog::showVerdict()
{
    const int rows = m_entriesTreeWidget->topLevelItemCount();
    for (int row = 0; row < rows; ++row) {
        QTreeWidgetItem *item = m_entriesTreeWidget->topLevelItem(row);
        item->setIcon(LineColumn, QIcon());
        for (int column = 0; column < ColumnCount; ++column)
            item->setData(column, Qt::BackgroundRole, QVariant());
    }
    if (!m_report) {
        m_verdictLabel->setText(QFileInfo::exists(m_path) ? tr("Press Verify to check that no entry was edited, removed or reordered.")
                                                           : tr("No order has been recorded yet."));
        m_verdictLabel->setStyleSheet(QString());
        return;
    }
    const AuditVerifier::Report &report = *m_report;
    if (report.ok()) {
        m_verdictLabel->setText(tr("Verified: %1").arg(report.summary()));
        m_verdictLabel->setStyleSheet(QString());
        return;
    }
    m_verdictLabel->setText(tr("Problem found at line %1 (%2): %3")
                                .arg(report.line)
                                .arg(AuditVerifier::problemName(report.problem), report.message));
    m_verdictLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    for (int row = 0; row < rows; ++row) {
        QTreeWidgetItem *item = m_entriesTreeWidget->topLevelItem(row);
        if (item->data(LineColumn, Qt::UserRole).toInt() != report.line)
            continue;
        item->setIcon(LineColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        for (int column = 0; column < ColumnCount; ++column)
            item->setData(column, Qt::BackgroundRole, QColor(255, 220, 220));
        m_entriesTreeWidget->setCurrentItem(item);
        m_entriesTreeWidget->scrollToItem(item);
    }
}

void AuditLogDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AuditLogDialog::retranslateUi()
{
    setWindowTitle(tr("Audit log"));
    m_pathLabel->setText(tr("Every order run at this desk, from %1").arg(QDir::toNativeSeparators(m_path)));
    m_entriesTreeWidget->setHeaderLabels({tr("Line"), tr("Time"), tr("Operator"), tr("Flow"), tr("Personal number"),
                                          tr("Outcome")});
    m_entriesTreeWidget->setAccessibleName(tr("Audit log entries"));
    m_verdictLabel->setAccessibleName(tr("Verification result"));
    m_verifyPushButton->setText(tr("&Verify"));
    m_verifyPushButton->setToolTip(tr("Check the hash chain: finds edited, removed and reordered entries"));
    m_reloadPushButton->setText(tr("&Reload"));
    showVerdict();
}

} // namespace bankid
