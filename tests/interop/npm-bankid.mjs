// Interoperability check: the unmodified npm `bankid` client (anyfin/bankid, BankIdClientV6) against
// bankid-simulator. Only its base URL is set at run time (the library hard-codes BankID's host); the
// certificate (client.p12, qwerty123) and the pinned CA (ca.pem) go in through its public options.
//
//   node npm-bankid.mjs BASE_URL STATE_DIR     (run by run-npm-bankid.sh)
import { BankIdClientV6 } from "bankid";
import path from "node:path";

const [baseUrl, stateDir] = process.argv.slice(2);
const client = new BankIdClientV6({
  production: false,
  pfx: path.join(stateDir, "client.p12"),
  passphrase: "qwerty123",
  ca: path.join(stateDir, "ca.pem"),
  refreshInterval: 1000,
});
client.axios.defaults.baseURL = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";

function check(condition, what) {
  if (!condition) {
    console.error(`FAIL: ${what}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}

async function collectUntilDone(orderRef) {
  for (let i = 0; i < 30; i++) {
    const result = await client.collect({ orderRef });
    if (result.status !== "pending") return result;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("order still pending after 30 collects");
}

const auth = await client.authenticate({ endUserIp: "127.0.0.1", userVisibleData: "npm interop auth" });
check(auth.orderRef && auth.autoStartToken && auth.qrStartToken && auth.qrStartSecret, "auth returns the four members");
const authDone = await collectUntilDone(auth.orderRef);
check(authDone.status === "complete" && /^\d{12}$/.test(authDone.completionData.user.personalNumber),
      "auth completes with a 12-digit personal number");

const sign = await client.sign({ endUserIp: "127.0.0.1", userVisibleData: "npm interop sign" });
const signDone = await collectUntilDone(sign.orderRef);
const xml = Buffer.from(signDone.completionData.signature, "base64").toString("utf-8");
check(signDone.status === "complete" && xml.includes(Buffer.from("npm interop sign").toString("base64")),
      "sign completes and the signature carries the text sent");

const toCancel = await client.authenticate({ endUserIp: "127.0.0.1" });
const cancelled = await client.cancel({ orderRef: toCancel.orderRef });
check(cancelled && Object.keys(cancelled).length === 0, "cancel answers {}");
try {
  await client.cancel({ orderRef: toCancel.orderRef });
  check(false, "a second cancel is refused");
} catch (error) {
  check(error.code === "invalidParameters", `a second cancel is refused with invalidParameters (${error.code})`);
}
console.log("npm bankid interop: all checks passed");
// The library keeps a QR-code cache timer alive for about a minute; nothing is left to wait for.
process.exit(0);
