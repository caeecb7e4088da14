// A person registers through the web chat page in a real browser: picks a phone number, says "oi", answers with
// the quick-reply buttons and the keyboard, and sees "Pronto!" only after the account exists.
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
    await page.getByTestId("phone-input").fill(`(11) 9${phone.slice(-8, -4)}-${phone.slice(-4)}`);
    await page.getByTestId("phone-submit").click();

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
