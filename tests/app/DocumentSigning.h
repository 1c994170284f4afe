#pragma once

#include "DeskFixture.h"
#include "MainWindow.h"
#include "MinimalPdf.h"
#include "ResultView.h"
#include "SignDocumentPage.h"
#include "Simulator.h"

#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

namespace bankid::test {

/// Signs `documentPath` through the desk's Sign document task on the embedded simulator (same-device start:
/// the simulated phone opens the autostart token and approves), and waits for the ResultView. Returns an
/// empty string or what failed. `beforeApprove` runs while the order is pending (e.g. to break the folder).
template<typename BeforeApprove>
QString signDocumentInDesk(DeskFixture &desk, const QString &documentPath, BeforeApprove beforeApprove)
{
    MainWindow *window = desk.window();
    window->showTask(MainWindow::Task::Document);
    SignDocumentPage *page = window->signDocumentPage();
    QSignalSpy finished(page, &SignDocumentPage::digestFinished);
    page->setDocument(documentPath);
    if (!QTest::qWaitFor([&finished] { return finished.count() > 0; }, 10000))
        return QStringLiteral("the digest of %1 was not computed").arg(documentPath);
    if (!page->canStart())
        return QStringLiteral("Sign is not enabled: ") + page->statusText();
    page->findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
    page->findChild<QPushButton *>(QStringLiteral("signPushButton"))->click();
    const QString orderRef = desk.waitPending();
    if (orderRef.isEmpty())
        return QStringLiteral("the order did not become pending");
    const auto opened = desk.simulator()->open(window->session()->autoStartToken().toUtf8());
    if (!opened.ok)
        return QStringLiteral("the simulated phone could not open the order: ") + opened.message;
    beforeApprove();
    const auto approved = desk.simulator()->approve(orderRef.toUtf8());
    if (!approved.ok)
        return QStringLiteral("the simulated phone could not approve: ") + approved.message;
    if (!QTest::qWaitFor([window] { return window->currentPage() == window->resultView(); }, 10000))
        return QStringLiteral("the result view was not shown");
    return {};
}

inline QString signDocumentInDesk(DeskFixture &desk, const QString &documentPath)
{
    return signDocumentInDesk(desk, documentPath, [] {});
}

} // namespace bankid::test
