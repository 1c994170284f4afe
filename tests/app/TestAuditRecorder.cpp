// The desk's audit trail end to end: orders run through MainWindow against the embedded simulator (real
// mutual TLS on loopback) each leave exactly one entry (masked number + keyed hash, hint sequence, outcome),
// and View > Audit log…'s Verify reports OK, then the tampered line.
#include "AuditLog.h"
#include "BankIdVersion.h"
#include "AuditLogDialog.h"
#include "AuditRecorder.h"
#include "AuditVerifier.h"
#include "CallerPage.h"
#include "DeskLoginPage.h"
#include "DeskFixture.h"
#include "MainWindow.h"
#include "OrderView.h"
#include "Simulator.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace bankid;

class TestAuditRecorder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void logLivesInTheUserDataFolder();
    void deskOrderLeavesOneEntry_data();
    void deskOrderLeavesOneEntry();
    void auditLogDialogVerifiesAndFindsTampering();

private:
    QString logPath() const { return m_desk.window()->auditRecorder()->logPath(); }
    QByteArray logContent() const;

    test::DeskFixture m_desk;
};

void TestAuditRecorder::initTestCase()
{
    const QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Start from an empty log (test mode keeps its folder between runs).
    const QString path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.jsonl");
    QFile::remove(path);
    QFile::remove(AuditLog::keyPathFor(path));
}

void TestAuditRecorder::cleanupTestCase()
{
    m_desk.tearDown();
}

void TestAuditRecorder::init()
{
    const QString error = m_desk.openWindow();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestAuditRecorder::cleanup()
{
    m_desk.closeWindow();
}

QByteArray TestAuditRecorder::logContent() const
{
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestAuditRecorder::logLivesInTheUserDataFolder()
{
    QCOMPARE(logPath(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.jsonl"));
    auto *action = m_desk.window()->findChild<QAction *>(QStringLiteral("auditLogAction"));
    QVERIFY(action);
    QVERIFY(action->text().contains(QLatin1String("Audit log")));
    QVERIFY(!action->associatedObjects().isEmpty()); // it is in a menu (View)
}

void TestAuditRecorder::deskOrderLeavesOneEntry_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QString>("personalNumber"); // the order's number (request or completionData; "" = none)
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QStringList>("hintsContain");

    QTest::newRow("phone auth completes") << "phone" << "phone-auth" << "198506155129" << "complete" << ""
                                          << QStringList{QStringLiteral("userCallConfirm"), QStringLiteral("userSign")};
    QTest::newRow("login on the same device completes") << "sameDevice" << "auth" << "199001012385" << "complete" << ""
                                                       << QStringList{QStringLiteral("outstandingTransaction"), QStringLiteral("userSign")};
    QTest::newRow("operator cancels the login") << "cancel" << "auth" << "" << "cancelled" << "ended by the desk"
                                               << QStringList{QStringLiteral("outstandingTransaction")};
    QTest::newRow("collect answers 500") << "fault" << "auth" << "" << "error" << "api:internalError" << QStringList{};
}

void TestAuditRecorder::deskOrderLeavesOneEntry()
{
    QFETCH(QString, scenario);
    QFETCH(QString, flow);
    QFETCH(QString, personalNumber);
    QFETCH(QString, outcome);
    QFETCH(QString, detail);
    QFETCH(QStringList, hintsContain);

    const qint64 before = AuditVerifier::verifyBytes(logContent()).verifiedEntries;
    QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);
    QSignalSpy failed(m_desk.window()->auditRecorder(), &AuditRecorder::recordFailed);

    if (scenario == QLatin1String("phone")) {
        QTest::keyClick(m_desk.window(), Qt::Key_2, Qt::ControlModifier);
        QTest::keyClicks(m_desk.window()->callerPage()->findChild<QLineEdit *>(QStringLiteral("personalNumberLineEdit")), personalNumber);
        QTest::mouseClick(m_desk.window()->callerPage()->findChild<QPushButton *>(QStringLiteral("startPushButton")), Qt::LeftButton);
        const QString orderRef = m_desk.waitPending();
        QVERIFY(!orderRef.isEmpty());
        QVERIFY(m_desk.simulator()->orderBook()->act(orderRef.toUtf8(), sim::OrderBook::Action::Open).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk.window()->session()->hintCode(), QStringLiteral("userCallConfirm"), 5000);
        QVERIFY(m_desk.simulator()->confirmCall(orderRef.toUtf8()).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk.window()->session()->hintCode(), QStringLiteral("userSign"), 5000);
        QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    } else if (scenario == QLatin1String("sameDevice")) {
        m_desk.window()->loginPage()->findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
        QTest::mouseClick(m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton")), Qt::LeftButton);
        const QString orderRef = m_desk.waitPending();
        QVERIFY(!orderRef.isEmpty());
        QVERIFY(m_desk.simulator()->open(m_desk.window()->session()->autoStartToken().toUtf8()).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk.window()->session()->hintCode(), QStringLiteral("userSign"), 5000);
        QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    } else if (scenario == QLatin1String("cancel")) {
        m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
        QVERIFY(!m_desk.waitPending().isEmpty());
        QTest::mouseClick(m_desk.window()->orderView()->findChild<QPushButton *>(QStringLiteral("cancelPushButton")), Qt::LeftButton);
    } else if (scenario == QLatin1String("fault")) {
        QString error;
        QVERIFY2(m_desk.simulator()->addFault(QStringLiteral("collect:500:count=1"), &error) > 0, qPrintable(error));
        m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, 10000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_desk.window()->auditRecorder()->pendingCount(), 0); // written once, then no longer followed

    const QByteArray content = logContent();
    const AuditVerifier::Report report = AuditVerifier::verifyBytes(content);
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.verifiedEntries, before + 1); // exactly one entry per order
    const AuditEntry entry = report.records.last().entry;
    QCOMPARE(recorded.first().at(1).toLongLong(), report.records.last().seq);
    QCOMPARE(entry.flow, flow);
    QCOMPARE(AuditEntry::outcomeName(entry.outcome), outcome);
    QCOMPARE(entry.outcomeDetail, detail);
    QCOMPARE(entry.operatorName, AuditEntry::currentOperator());
    QCOMPARE(entry.environment, QStringLiteral("simulator"));
    QCOMPARE(entry.appVersion, QStringLiteral(BANKID_VERSION));
    QVERIFY(!entry.orderRef.isEmpty());
    QVERIFY(entry.startedAt.isValid() && entry.finishedAt >= entry.startedAt);
    for (const QString &hint : hintsContain)
        QVERIFY2(entry.hints.contains(hint), qPrintable(entry.hints.join(QLatin1Char(','))));
    if (outcome == QLatin1String("error"))
        QCOMPARE(entry.rfa, QStringLiteral("RFA5"));

    if (personalNumber.isEmpty()) {
        QVERIFY(entry.personalNumberMasked.isEmpty());
        QVERIFY(entry.personalNumberHash.isEmpty());
    } else {
        QCOMPARE(entry.personalNumberMasked, personalNumber.left(8) + QStringLiteral("****"));
        AuditLog log(logPath()); // same file, same key: the same keyed hash
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        QCOMPARE(entry.personalNumberHash, log.personalNumberHash(personalNumber));
        QVERIFY(!content.contains(personalNumber.toLatin1())); // never in clear
        QVERIFY(!content.contains(personalNumber.mid(4).toLatin1()));
    }
}

void TestAuditRecorder::auditLogDialogVerifiesAndFindsTampering()
{
    // At least two entries: run an order and cancel it twice.
    for (int n = 0; n < 2; ++n) {
        QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);
        m_desk.window()->showTask(MainWindow::Task::Login);
        m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
        QVERIFY(!m_desk.waitPending().isEmpty());
        m_desk.window()->showTask(MainWindow::Task::Login);
        QTRY_COMPARE(recorded.count(), 1);
    }
    const qint64 entries = AuditVerifier::verifyBytes(logContent()).verifiedEntries;
    QVERIFY(entries >= 2);

    // View > Audit log… opens the dialog; Verify says OK with the count.
    QString verdict;
    int rows = -1;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AuditLogDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        rows = dialog->entriesTreeWidget()->topLevelItemCount();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("verifyPushButton")), Qt::LeftButton);
        verdict = dialog->findChild<QLabel *>(QStringLiteral("verdictLabel"))->text();
        dialog->reject();
    });
    m_desk.window()->findChild<QAction *>(QStringLiteral("auditLogAction"))->trigger();
    QCOMPARE(rows, int(entries));
    QVERIFY2(verdict.startsWith(QLatin1String("Verified: ")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("%1 entries verified").arg(entries)), qPrintable(verdict));

    // Edit one byte of the operator in the first line: the dialog names line 1 and selects its row.
    QByteArray content = logContent();
    const qsizetype at = content.indexOf("\"operator\":\"") + 12;
    QVERIFY(at > 12);
    content[at] = content.at(at) == 'x' ? 'y' : 'x';
    QFile file(logPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();

    AuditLogDialog dialog(logPath(), m_desk.window());
    QVERIFY(dialog.verdictText().contains(QLatin1String("Press Verify")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("verifyPushButton")), Qt::LeftButton);
    QVERIFY2(dialog.verdictText().startsWith(QLatin1String("Problem found at line 1 (edited)")), qPrintable(dialog.verdictText()));
    QVERIFY(dialog.lastReport() && dialog.lastReport()->problem == AuditVerifier::Problem::Edited);
    QTreeWidgetItem *current = dialog.entriesTreeWidget()->currentItem();
    QVERIFY(current);
    QCOMPARE(current->text(AuditLogDialog::LineColumn), QStringLiteral("1"));

    // Leave an intact log for the next run.
    QFile::remove(logPath());
}

QTEST_MAIN(TestAuditRecorder)
#include "TestAuditRecorder.moc"
