#pragma once

#include "ApiTypes.h"
#include "StartMethod.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace bankid {

class StartBlockedLabel;
class StartMethodChooser;
class ValidationError;

/// The "Sign text" task: a userVisibleData editor with an optional simpleMarkdownV1 live preview, the
/// validation issues (line:column rule), a length counter against the /sign limit counted after base64,
/// optional userNonVisibleData and the start method. On screen these are in plain words ("Text the person
/// reads", "Formatting", "characters as sent", "Hidden data"); the API member names are in the tooltips.
///
/// Contract: Sign is enabled only when RequestValidator accepts the request (checked with a placeholder
/// endUserIp, which the MainWindow replaces); startRequested() carries Flow::Sign.
///
/// \code
///   auto *page = new bankid::SignTextPage;
///   connect(page, &bankid::SignTextPage::startRequested, window, &MainWindow::startOrder);
/// \endcode
class SignTextPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignTextPage(QWidget *parent = nullptr);

    OrderRequest request() const;
    StartMethod startMethod() const;
    /// Whether Sign is enabled.
    bool canStart() const;
    /// Allows or blocks starting (e.g. while the connection is unusable): when blocked, the start button is
    /// disabled and \a reason is its tooltip and shown beside it. The MainWindow calls this.
    Q_INVOKABLE void setStartAllowed(bool allowed, const QString &reason);
    /// The issues currently listed (one line each), for tests.
    QStringList issues() const;

signals:
    void startRequested(const bankid::OrderRequest &request, bankid::StartMethod method);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    /// The operator's words for a validation \a error of \a candidate (no API member names).
    QString plainIssue(const ValidationError &error, const OrderRequest &candidate) const;
    void emitStart();

    QLabel *m_titleLabel;
    QLabel *m_textLabel;
    QPlainTextEdit *m_textPlainTextEdit;
    QCheckBox *m_markdownCheckBox;
    QLabel *m_counterLabel;
    QLabel *m_previewLabel;
    QTextBrowser *m_previewTextBrowser;
    QLabel *m_issuesLabel;
    QLabel *m_nonVisibleLabel;
    QLineEdit *m_nonVisibleLineEdit;
    StartMethodChooser *m_startMethodChooser;
    QPushButton *m_signPushButton;
    StartBlockedLabel *m_startBlockedLabel;
    bool m_startAllowed = true;
    QStringList m_issues;
};

} // namespace bankid
