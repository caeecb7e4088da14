// The web chat page: pick a phone number to chat as, then talk to the bot through /web-chat/api.
// Replies arrive by polling the transcript for messages after the last one shown.

const API = "/web-chat/api";
const PHONE_KEY = "wareg.web-chat.phone";
const POLL_MS = 700;
const POLL_HIDDEN_MS = 5000; // a background tab need not hammer the server
const PHONE_EXAMPLE = "+55 11 98765-4321";

// pt-BR text for the problems the API is known to return; anything else shows the API's own detail.
const PROBLEM_TEXT = {
  "from.empty": `Informe o seu número de WhatsApp com DDD, por exemplo ${PHONE_EXAMPLE}.`,
  "from.format": `Isso não parece um número de telefone. Escreva com DDD, por exemplo ${PHONE_EXAMPLE}.`,
  "from.invalid": `Este número não existe. Confira o DDD e a quantidade de dígitos, por exemplo ${PHONE_EXAMPLE}.`,
  "/problems/content-too-large": "A mensagem é grande demais. Envie um texto mais curto.",
};

const $ = (id) => document.getElementById(id);
const phoneScreen = $("phone-screen");
const phoneForm = $("phone-form");
const phoneInput = $("phone-input");
const phoneSubmit = $("phone-submit");
const phoneError = $("phone-error");
const chatScreen = $("chat-screen");
const chattingAs = $("chatting-as");
const changePhone = $("change-phone");
const messageList = $("message-list");
const chatError = $("chat-error");
const composer = $("composer");
const messageInput = $("message-input");
const sendButton = $("send-button");

const timeFormat = new Intl.DateTimeFormat("pt-BR", { hour: "2-digit", minute: "2-digit" });

let phone = null;
let shownIds = new Set();
let lastId = null;
let pollTimer = null;
let pollGeneration = 0; // a poll started for an earlier phone must not render into the new conversation

class ApiError extends Error {}

async function problemText(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // not problem JSON: fall through to the status line
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
    throw new ApiError("Sem conexão com o servidor. Tentando de novo…");
  }
  if (!response.ok) {
    throw new ApiError(await problemText(response));
  }
  return response.status === 204 ? null : response.json();
}

function transcriptPath(after) {
  const query = after ? `?after=${encodeURIComponent(after)}` : "";
  return `/conversations/${encodeURIComponent(phone)}/messages${query}`;
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
    const accepted = await api("/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ from: phone, text }),
    });
    showChatError("");
    delete chatError.dataset.source;
    show([{ id: accepted.messageId, direction: "in", text, buttons: [], at: new Date().toISOString() }]);
    return true;
  } catch (error) {
    showChatError(error.message);
    delete chatError.dataset.source;
    return false;
  } finally {
    sending = false;
    sendButton.disabled = false;
  }
}

function openChat(number) {
  phone = number;
  localStorage.setItem(PHONE_KEY, number);
  shownIds = new Set();
  lastId = null;
  messageList.replaceChildren();
  showChatError("");
  chattingAs.textContent = `Conversando como ${number}`;
  phoneScreen.hidden = true;
  chatScreen.hidden = false;
  changePhone.hidden = false;
  messageInput.focus();
  startPolling();
}

function openPhoneScreen() {
  stopPolling();
  phone = null;
  chatScreen.hidden = true;
  changePhone.hidden = true;
  phoneScreen.hidden = false;
  chattingAs.textContent = "Experimente o bot sem precisar do WhatsApp";
  phoneInput.value = localStorage.getItem(PHONE_KEY) || "";
  phoneError.textContent = "";
  phoneInput.removeAttribute("aria-invalid");
  phoneInput.focus();
}

phoneForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const number = phoneInput.value.trim();
  phoneSubmit.disabled = true;
  try {
    // Asking for the transcript validates the number the same way sending will.
    await fetchTranscriptFor(number);
    phoneInput.removeAttribute("aria-invalid");
    openChat(number);
  } catch (error) {
    phoneError.textContent = error.message;
    phoneInput.setAttribute("aria-invalid", "true");
    phoneInput.focus();
  } finally {
    phoneSubmit.disabled = false;
  }
});

async function fetchTranscriptFor(number) {
  if (!number) {
    throw new ApiError(PROBLEM_TEXT["from.empty"]);
  }
  return api(`/conversations/${encodeURIComponent(number)}/messages`);
}

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

changePhone.addEventListener("click", openPhoneScreen);

document.addEventListener("visibilitychange", () => {
  if (!document.hidden && phone) {
    startPolling(); // catch up at once instead of waiting out the slow background interval
  }
});

const remembered = localStorage.getItem(PHONE_KEY);
if (remembered) {
  openChat(remembered);
} else {
  openPhoneScreen();
}
