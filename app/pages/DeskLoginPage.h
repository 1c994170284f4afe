#pragma once

#include "ApiTypes.h"
#include "StartMethod.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bankid {

class StartBlockedLabel;
class StartMethodChooser;

/// The desk login task: one large "Log in with BankID" button (the default button: Enter starts), the
/// text the person reads in the app (auth userVisibleData) and the start method.
///
/// Contract: emits startRequested() with an auth OrderRequest carrying only what this page knows (flow,
/// userVisibleData); the MainWindow adds endUserIp and device data. It never talks to BankID itself.
///
/// \code
///   auto *page = new bankid::DeskLoginPage;
///   connect(page, &bankid::DeskLoginPage::startRequested, window, &MainWindow::startOrder);
/// \endcode
class DeskLoginPage : public QWidget
{
    Q_OBJECT

public:
    explicit DeskLoginPage(QWidget *parent = nullptr);

    /// The request and start method the button would send now.
    OrderRequest request() const;
    StartMethod startMethod() const;
    void setStartMethod(StartMethod method);
    /// Whether the login button is enabled (starting is allowed).
    bool canStart() const { return m_startAllowed; }
    /// Allows or blocks starting (e.g. while the connection is unusable): when blocked, the start button is
    /// disabled and \a reason is its tooltip and shown beside it. The MainWindow calls this.
    Q_INVOKABLE void setStartAllowed(bool allowed, const QString &reason);

signals:
    void startRequested(const bankid::OrderRequest &request, bankid::StartMethod method);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void emitStart();

    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    QLabel *m_textLabel;
    QLineEdit *m_textLineEdit;
    QLabel *m_methodLabel;
    StartMethodChooser *m_startMethodChooser;
    QPushButton *m_loginPushButton;
    StartBlockedLabel *m_startBlockedLabel;
    bool m_startAllowed = true;
    bool m_textEdited = false;
};

} // namespace bankid
