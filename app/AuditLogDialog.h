#pragma once

#include "AuditVerifier.h"

#include <QDialog>
#include <QString>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace bankid {

/// View > Audit log…: lists the entries of the desk's audit log (line, time, operator, flow, masked personal
/// number, outcome) and, on Verify, checks the hash chain (AuditVerifier) and shows the verdict: how many
/// entries verified, or the line where the chain breaks and why; that row is selected and marked.
///
/// Contract: read-only; it never writes the log. Reload re-reads the file (an order may have ended since).
/// The list shows every line that parses, also those after a problem, so the operator sees the context.
///
/// \code
///   bankid::AuditLogDialog dialog(recorder->logPath(), this);
///   dialog.exec();
/// \endcode
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
    /// The list's columns.
    enum Column {
        LineColumn,           ///< line number in the file
        TimeColumn,           ///< when the entry was appended (local time)
        OperatorColumn,       ///< OS user
        FlowColumn,           ///< auth, sign, phone-auth, ...
        PersonalNumberColumn, ///< masked: 19900101****
        OutcomeColumn,        ///< complete, failed (userCancel), ...
        ColumnCount,          ///< number of columns
    };

    explicit AuditLogDialog(const QString &logPath, QWidget *parent = nullptr);

    /// Re-reads the log and lists its entries; clears the verdict.
    void reload();
    /// Verifies the chain and shows the verdict (the Verify button).
    void verify();
    /// The verdict as shown; empty before verify().
    QString verdictText() const;
    /// The last verification, if any.
    const std::optional<AuditVerifier::Report> &lastReport() const { return m_report; }
    QTreeWidget *entriesTreeWidget() const { return m_entriesTreeWidget; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showVerdict();

    QString m_path;
    std::optional<AuditVerifier::Report> m_report;
    QLabel *m_pathLabel;
    QTreeWidget *m_entriesTreeWidget;
    QLabel *m_verdictLabel;
    QPushButton *m_verifyPushButton;
    QPushButton *m_reloadPushButton;
    QDialogButtonBox *m_buttonBox;
};

} // namespace bankid
