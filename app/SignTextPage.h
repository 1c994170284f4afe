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

class StartMethodChooser;

/// The "Sign text" task: a userVisibleData editor with an optional simpleMarkdownV1 live preview, the
/// validation issues (line:column rule), a length counter against the /sign limit counted after base64,
/// optional userNonVisibleData and the start method.
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
    /// The issues currently listed (one line each), for tests.
    QStringList issues() const;

signals:
    void startRequested(const bankid::OrderRequest &request, bankid::StartMethod method);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
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
    QStringList m_issues;
};

} // namespace bankid
