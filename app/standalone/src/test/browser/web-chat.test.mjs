// A person registers through the web chat page in a real browser: gives a phone number, proves it with the code the
// demo phone panel shows (the embedded default has no WhatsApp channel here), says "oi", answers with the
// quick-reply buttons and the keyboard, sees "Pronto!" only after the account exists, and logs out.
// BASE_URL points at the running embedded default; CHROMIUM at the browser binary; AUTHORIZATION is a bearer
// token allowed to read accounts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080";
const REPLY_TIMEOUT_MS = 15_000;

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
});

after(async () => {
  await browser?.close();
});

function newPhone() {
  const subscriber = 10_000_000 + Math.floor(Math.random() * 89_999_999);
  return `+55119${subscriber}`;
}

async function botSays(page, text) {
  await page.getByTestId("message-out").filter({ hasText: text }).last()
    .waitFor({ state: "visible", timeout: REPLY_TIMEOUT_MS });
}

// Asks for a code and types the one the demo phone panel shows, as a person would read it off their phone.
async function signIn(page, typedPhone) {
  await page.getByTestId("phone-input").fill(typedPhone);
  await page.getByTestId("phone-submit").click();
  const panel = page.getByTestId("phone-panel");
  await panel.waitFor({ state: "visible" });
  assert.match(await panel.innerText(), /Celular deste número \(demonstração\)/);
  const message = page.getByTestId("phone-panel-message").last();
  await message.waitFor({ state: "visible" });
  const code = (await message.innerText()).match(/\b(\d{6})\b/)[1];
  await page.getByTestId("code-input").fill(code);
  await page.getByTestId("code-submit").click();
  await page.getByTestId("message-input").waitFor({ state: "visible" });
  return code;
}

async function say(page, text) {
  await page.getByTestId("message-input").fill(text);
  await page.getByTestId("message-input").press("Enter");
  await page.getByTestId("message-in").filter({ hasText: text }).last().waitFor({ state: "visible" });
}

test("a new person registers through the page and the account is stored", async () => {
  const page = await browser.newPage({ locale: "pt-BR" });
  const phone = newPhone();
  try {
    await page.goto(BASE_URL);
    await signIn(page, `(11) 9${phone.slice(-8, -4)}-${phone.slice(-4)}`);

    await say(page, "oi");
    await botSays(page, "Não encontrei um cadastro para este número");

    await page.getByTestId("quick-reply").filter({ hasText: "Sim" }).last().click();
    await botSays(page, "Qual é o seu nome completo?");

    await say(page, "ana de souza");
    await botSays(page, "Qual é o seu e-mail?");

    await say(page, "ana@exemplo.com.br");
    await botSays(page, "Posso salvar?");

    await page.getByTestId("quick-reply").filter({ hasText: "Confirmar" }).last().click();
    await botSays(page, "Pronto! Seu cadastro foi criado.");

    const response = await fetch(`${BASE_URL}/v1/accounts?phone=${encodeURIComponent(phone)}`, {
      headers: { Authorization: process.env.AUTHORIZATION },
    });
    assert.equal(response.status, 200);
    const account = await response.json();
    assert.equal(account.name, "Ana de Souza");
    assert.equal(account.email, "ana@exemplo.com.br");

    // Opened again, the page keeps the session and shows the transcript, the person's e-mail masked.
    await page.reload();
    await page.getByTestId("message-in").filter({ hasText: "a***@exemplo.com.br" }).waitFor({ state: "visible" });

    await page.getByTestId("logout").click();
    await page.getByTestId("phone-input").waitFor({ state: "visible" });
    const afterLogout = await page.evaluate(async () => (await fetch("/web-chat/api/messages")).status);
    assert.equal(afterLogout, 401);
  } finally {
    await page.close();
  }
});

test("a wrong code is refused on the page and nobody chats", async () => {
  const page = await browser.newPage({ locale: "pt-BR" });
  try {
    await page.goto(BASE_URL);
    await page.getByTestId("phone-input").fill(newPhone());
    await page.getByTestId("phone-submit").click();
    await page.getByTestId("phone-panel-message").last().waitFor({ state: "visible" });
    const code = (await page.getByTestId("phone-panel-message").last().innerText()).match(/\b(\d{6})\b/)[1];
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await page.getByTestId("code-input").fill(wrong);
    await page.getByTestId("code-submit").click();
    await page.getByTestId("code-error").filter({ hasText: /Código incorreto/ }).waitFor({ state: "visible" });
    assert.equal(await page.getByTestId("message-input").isVisible(), false);
  } finally {
    await page.close();
  }
});

test("a phone number that does not exist is refused on the page", async () => {
  const page = await browser.newPage({ locale: "pt-BR" });
  try {
    await page.goto(BASE_URL);
    await page.getByTestId("phone-input").fill("123");
    await page.getByTestId("phone-submit").click();
    await page.getByTestId("phone-error").filter({ hasText: /\S/ }).waitFor({ state: "visible" });
    assert.equal(await page.getByTestId("message-input").isVisible(), false);
  } finally {
    await page.close();
  }
});
