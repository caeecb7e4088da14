// The web chat page: give a phone number, prove it with the one-time code sent to it, then talk to the bot through
// /web-chat/api. The session lives in an HttpOnly cookie this script never sees; the server says which number it is
// for. Replies arrive by polling the session's transcript for messages after the last one shown.

const API = "/web-chat/api";
const PHONE_KEY = "wareg.web-chat.phone"; // only to fill in the number next time; it proves nothing
const POLL_MS = 700;
const POLL_HIDDEN_MS = 5000; // a background tab need not hammer the server
const PHONE_EXAMPLE = "+55 11 98765-4321";

// pt-BR text for the problems the API is known to return; anything else shows the API's own detail.
const PROBLEM_TEXT = {
  "from.empty": `Informe o seu número de WhatsApp com DDD, por exemplo ${PHONE_EXAMPLE}.`,
  "from.format": `Isso não parece um número de telefone. Escreva com DDD, por exemplo ${PHONE_EXAMPLE}.`,
  "from.invalid": `Este número não existe. Confira o DDD e a quantidade de dígitos, por exemplo ${PHONE_EXAMPLE}.`,
  "/problems/content-too-large": "A mensagem é grande demais. Envie um texto mais curto.",
  "/problems/invalid-code": "Código incorreto, vencido ou já usado. Confira ou peça outro código.",
  "/problems/session-required": "Sua sessão terminou. Informe o número para receber um novo código.",
  "/problems/other-number": "Esta sessão é de outro número. Entre de novo com o código do seu número.",
};

function tooManyText(retryAfter) {
  const minutes = Math.max(1, Math.ceil(Number(retryAfter || 60) / 60));
  return `Muitos códigos pedidos. Tente de novo em ${minutes} ${minutes === 1 ? "minuto" : "minutos"}.`;
}

const $ = (id) => document.getElementById(id);
const phoneScreen = $("phone-screen");
const phoneForm = $("phone-form");
const phoneInput = $("phone-input");
const phoneSubmit = $("phone-submit");
const phoneError = $("phone-error");
const chatScreen = $("chat-screen");
const chattingAs = $("chatting-as");
const logout = $("logout");
const codeScreen = $("code-screen");
const codeForm = $("code-form");
const codeSent = $("code-sent");
const codeInput = $("code-input");
const codeSubmit = $("code-submit");
const codeError = $("code-error");
const codeResend = $("code-resend");
const codeBack = $("code-back");
const phonePanel = $("phone-panel");
const phonePanelMessages = $("phone-panel-messages");
const messageList = $("message-list");
const chatError = $("chat-error");
const composer = $("composer");
const messageInput = $("message-input");
const sendButton = $("send-button");

const timeFormat = new Intl.DateTimeFormat("pt-BR", { hour: "2-digit", minute: "2-digit" });

let phone = null; // the number the session proved, E.164
let pendingPhone = null; // the number a code was asked for, as typed
let shownIds = new Set();
let lastId = null;
let pollTimer = null;
let pollGeneration = 0; // a poll started for an earlier phone must not render into the new conversation

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function problemText(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // not problem JSON: fall through to the status line
  }
  if (response.status === 429) {
    return tooManyText(response.headers.get("Retry-After"));
  }
  const firstError = Array.isArray(problem?.errors) ? problem.errors[0] : null;
  const known = (firstError && PROBLEM_TEXT[`${firstError.field}.${firstError.code}`]) || PROBLEM_TEXT[problem?.type];
  return known || problem?.detail || `O servidor respondeu ${response.status}. Tente de novo.`;
}

async function api(path, options) {
  let response;
  try {
    response = await fetch(API + path, { cache: "no-store", ...options });
  } catch {
    throw new ApiError("Sem conexão com o servidor. Tentando de novo…", 0);
  }
  if (!response.ok) {
    throw new ApiError(await problemText(response), response.status);
  }
  return response.status === 204 ? null : response.json();
}

function transcriptPath(after) {
  const query = after ? `?after=${encodeURIComponent(after)}` : "";
  return `/messages${query}`;
}

function postJson(path, body) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

// WhatsApp's *bold*, _italic_ and ~strikethrough~, built as DOM nodes so no text is ever parsed as HTML.
const FORMATTING = /(?<![\p{L}\p{N}])(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)(?![\p{L}\p{N}])/u;
const FORMAT_TAGS = { "*": "strong", "_": "em", "~": "s" };

function formattedText(text) {
  const fragment = document.createDocumentFragment();
  text.split(FORMATTING).forEach((part, index) => {
    if (index % 2 === 1) {
      const element = document.createElement(FORMAT_TAGS[part[0]]);
      element.textContent = part.slice(1, -1);
      fragment.append(element);
    } else if (part) {
      fragment.append(document.createTextNode(part));
    }
  });
  return fragment;
}

function bubble(message) {
  const fromBot = message.direction === "out";
  const item = document.createElement("li");
  item.className = `bubble ${fromBot ? "out" : "in"}`;
  item.dataset.testid = fromBot ? "message-out" : "message-in";
  item.dataset.id = message.id;

  const speaker = document.createElement("span");
  speaker.className = "visually-hidden";
  speaker.textContent = fromBot ? "Assistente: " : "Você: ";
  const text = document.createElement("div");
  text.className = "text";
  text.dataset.testid = "message-text";
  text.append(formattedText(message.text));
  item.append(speaker, text);

  if (fromBot && message.buttons?.length) {
    const replies = document.createElement("div");
    replies.className = "quick-replies";
    replies.setAttribute("role", "group");
    replies.setAttribute("aria-label", "Respostas rápidas");
    for (const button of message.buttons) {
      const reply = document.createElement("button");
      reply.type = "button";
      reply.textContent = button.title;
      reply.dataset.testid = "quick-reply";
      reply.addEventListener("click", () => send(button.title));
      replies.append(reply);
    }
    item.append(replies);
  }

  const at = new Date(message.at);
  const time = document.createElement("time");
  time.dateTime = message.at;
  time.textContent = Number.isNaN(at.getTime()) ? "" : timeFormat.format(at);
  item.append(time);
  return item;
}

// Quick replies answer the latest question only; once the conversation moved on they are kept but disabled.
function retireOldQuickReplies() {
  const bubbles = messageList.querySelectorAll(".bubble");
  bubbles.forEach((item, index) => {
    const latest = index === bubbles.length - 1;
    item.querySelectorAll(".quick-replies button").forEach((button) => { button.disabled = !latest; });
  });
}

function show(messages) {
  const nearBottom = messageList.scrollHeight - messageList.scrollTop - messageList.clientHeight < 80;
  let added = false;
  for (const message of messages) {
    if (shownIds.has(message.id)) {
      continue;
    }
    shownIds.add(message.id);
    lastId = message.id;
    messageList.append(bubble(message));
    added = true;
  }
  if (added) {
    retireOldQuickReplies();
    if (nearBottom || messages.some((message) => message.direction === "in")) {
      messageList.scrollTop = messageList.scrollHeight;
    }
  }
}

function showChatError(text) {
  chatError.textContent = text || "";
}

async function poll(generation) {
  try {
    const messages = await api(transcriptPath(lastId));
    if (generation !== pollGeneration) {
      return;
    }
    show(messages);
    if (chatError.dataset.source === "poll") {
      showChatError("");
      delete chatError.dataset.source;
    }
  } catch (error) {
    if (generation !== pollGeneration) {
      return;
    }
    if (error.status === 401) {
      sessionEnded(error.message);
      return;
    }
    showChatError(error.message);
    chatError.dataset.source = "poll";
  }
  if (generation === pollGeneration) {
    pollTimer = setTimeout(() => poll(generation), document.hidden ? POLL_HIDDEN_MS : POLL_MS);
  }
}

function startPolling() {
  stopPolling();
  poll(pollGeneration);
}

function stopPolling() {
  pollGeneration += 1;
  clearTimeout(pollTimer);
}

let sending = false;

async function send(text) {
  if (sending) {
    return;
  }
  sending = true;
  sendButton.disabled = true;
  try {
    const accepted = await postJson("/messages", { text });
    showChatError("");
    delete chatError.dataset.source;
    show([{ id: accepted.messageId, direction: "in", text, buttons: [], at: new Date().toISOString() }]);
    return true;
  } catch (error) {
    if (error.status === 401) {
      sessionEnded(error.message);
      return false;
    }
    showChatError(error.message);
    delete chatError.dataset.source;
    return false;
  } finally {
    sending = false;
    sendButton.disabled = false;
  }
}

function showScreen(screen) {
  for (const candidate of [phoneScreen, codeScreen, chatScreen]) {
    candidate.hidden = candidate !== screen;
  }
  logout.hidden = screen !== chatScreen;
}

function openChat(number) {
  phone = number;
  localStorage.setItem(PHONE_KEY, number);
  shownIds = new Set();
  lastId = null;
  messageList.replaceChildren();
  showChatError("");
  chattingAs.textContent = `Conversando como ${number}`;
  showScreen(chatScreen);
  messageInput.focus();
  startPolling();
}

function openPhoneScreen(message) {
  stopPolling();
  phone = null;
  pendingPhone = null;
  showScreen(phoneScreen);
  chattingAs.textContent = "Experimente o bot sem precisar do WhatsApp";
  phoneInput.value = localStorage.getItem(PHONE_KEY) || "";
  phoneError.textContent = message || "";
  phoneInput.removeAttribute("aria-invalid");
  phoneInput.focus();
}

function sessionEnded(message) {
  openPhoneScreen(message);
}

// In the demo (no WhatsApp linked) the code goes to a panel that stands for the number's phone.
async function showPhonePanel(number) {
  const inbox = await api(`/phone-panel?phone=${encodeURIComponent(number)}`);
  const items = inbox.messages.map((message) => {
    const item = document.createElement("li");
    item.dataset.testid = "phone-panel-message";
    item.textContent = message.text;
    return item;
  });
  phonePanelMessages.replaceChildren(...items);
  phonePanel.hidden = false;
}

async function requestCode(number) {
  const sent = await postJson("/sessions/codes", { from: number });
  pendingPhone = number;
  const minutes = Math.max(1, Math.floor(sent.validSeconds / 60));
  const validity = `Ele vale por ${minutes} ${minutes === 1 ? "minuto" : "minutos"}.`;
  if (sent.delivery === "phone-panel") {
    codeSent.textContent = `Enviamos um código para o celular do número ${number}. Nesta demonstração ele aparece `
      + `no painel abaixo. ${validity}`;
    await showPhonePanel(number);
  } else {
    codeSent.textContent = `Enviamos um código pelo WhatsApp para ${number}. ${validity}`;
    phonePanel.hidden = true;
    phonePanelMessages.replaceChildren();
  }
}

function openCodeScreen() {
  showScreen(codeScreen);
  codeInput.value = "";
  codeError.textContent = "";
  codeInput.removeAttribute("aria-invalid");
  codeInput.focus();
}

phoneForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const number = phoneInput.value.trim();
  phoneSubmit.disabled = true;
  try {
    if (!number) {
      throw new ApiError(PROBLEM_TEXT["from.empty"], 400);
    }
    await requestCode(number);
    phoneInput.removeAttribute("aria-invalid");
    localStorage.setItem(PHONE_KEY, number);
    openCodeScreen();
  } catch (error) {
    phoneError.textContent = error.message;
    phoneInput.setAttribute("aria-invalid", "true");
    phoneInput.focus();
  } finally {
    phoneSubmit.disabled = false;
  }
});

codeForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const code = codeInput.value.replace(/\D/g, "");
  if (code.length !== 6) {
    codeError.textContent = "O código tem 6 dígitos.";
    codeInput.setAttribute("aria-invalid", "true");
    codeInput.focus();
    return;
  }
  codeSubmit.disabled = true;
  try {
    const session = await postJson("/sessions", { from: pendingPhone, code });
    codeInput.removeAttribute("aria-invalid");
    openChat(session.phone);
  } catch (error) {
    codeError.textContent = error.message;
    codeInput.setAttribute("aria-invalid", "true");
    codeInput.focus();
  } finally {
    codeSubmit.disabled = false;
  }
});

codeResend.addEventListener("click", async () => {
  codeResend.disabled = true;
  try {
    await requestCode(pendingPhone);
    codeError.textContent = "";
    codeInput.value = "";
    codeInput.focus();
  } catch (error) {
    codeError.textContent = error.message;
  } finally {
    codeResend.disabled = false;
  }
});

codeBack.addEventListener("click", () => openPhoneScreen());

composer.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = messageInput.value;
  if (!text.trim()) {
    messageInput.focus();
    return;
  }
  if (await send(text)) {
    messageInput.value = "";
    fitComposer();
  }
  messageInput.focus();
});

messageInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

function fitComposer() {
  messageInput.style.height = "auto";
  messageInput.style.height = `${messageInput.scrollHeight}px`;
}
messageInput.addEventListener("input", fitComposer);

logout.addEventListener("click", async () => {
  stopPolling();
  try {
    await api("/sessions", { method: "DELETE" });
  } catch {
    // the server forgets idle sessions anyway; the page leaves the chat either way
  }
  openPhoneScreen();
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden && phone) {
    startPolling(); // catch up at once instead of waiting out the slow background interval
  }
});

// A page opened again while its session lives goes straight to the chat.
api("/sessions/current")
  .then((session) => openChat(session.phone))
  .catch(() => openPhoneScreen());
