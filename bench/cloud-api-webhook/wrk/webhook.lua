-- POST a WhatsApp text-message delivery as Meta sends it: the webhook payload's shape (compact JSON, one entry,
-- one change, one contact, one message), signed with the app secret in X-Hub-Signature-256 (sha256=<hex HMAC-SHA256
-- of the body>, computed here for every request). Each request carries a new message id (wamid: run tag, wrk thread,
-- counter) and a sender out of 10^8 phones, so the webhook dedupes and publishes every one; the texts vary in length
-- the way a person's messages do.
--   wrk -t2 -c16 -d30s --latency -s webhook.lua http://127.0.0.1:8091/webhook -- <app secret> <run tag> [<pool>]
-- <run tag> keeps ids unique across wrk runs (run.sh passes the time). With <pool>, each thread goes round <pool>
-- message ids instead: once each is known, every request is a redelivery, answered from the dedupe store.
-- The path is the URL's: ping.lua sends the same requests, signed the same way, to /ping.
-- With WEBHOOK_DUMP=<dir> in the environment, each thread writes its first requests' bodies and signatures there
-- (<thread>-<n>.json and .sig), to check the signatures against openssl.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local sha256 = dofile(here .. "sha256.lua")
sha256.self_test()

local DUMPED_PER_THREAD = 20

local NAMES = { "Maria", "João Pereira", "Ana", "Carlos Eduardo Souza", "Bia", "Rafael" }
local TEXTS = {
  "quero mudar meu e-mail",
  "sim",
  "meu email novo é maria.silva.santos@example.com.br",
  "oi, bom dia! preciso atualizar meu endereço, mudei para Rua das Flores, 123, apto 45, Vila Mariana",
  "cancelar",
  "pode trocar meu telefone para (11) 98765-4321?",
}

local DELIVERY = '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":'
  .. '{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000",'
  .. '"phone_number_id":"100000000000001"},"contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],'
  .. '"messages":[{"from":"%s","id":"%s","timestamp":"%d","text":{"body":"%s"},"type":"text"}]},'
  .. '"field":"messages"}]}]}'

local started = 0

function setup(thread)
  thread:set("thread_number", started)
  started = started + 1
end

function init(args)
  sign = sha256.hmac_signer(assert(args[1], "usage: ... -- <app secret> <run tag> [<pool>]"))
  run_tag = args[2] or tostring(os.time())
  pool = tonumber(args[3] or "0")
  dump_dir = os.getenv("WEBHOOK_DUMP")
  sent = 0
end

local function delivery(n)
  -- 55 11 9xxxx-xxxx: a Brazilian mobile; the multiplier spreads consecutive requests over the bus's shards.
  local phone = string.format("55119%08d", (thread_number * 7919 + n * 104729) % 100000000)
  local wamid = string.format("wamid.HBgN%sFQIAEhgU%s%02X%08X", phone, run_tag, thread_number, n)
  return string.format(DELIVERY, NAMES[n % #NAMES + 1], phone, phone, wamid, os.time(), TEXTS[n % #TEXTS + 1])
end

local function write(path, text)
  local file = assert(io.open(path, "w"))
  file:write(text)
  file:close()
end

function request()
  local n = pool > 0 and sent % pool or sent
  sent = sent + 1
  local body = delivery(n)
  local signature = "sha256=" .. sign(body)
  if dump_dir and sent <= DUMPED_PER_THREAD then
    local name = string.format("%s/%d-%d", dump_dir, thread_number, sent)
    write(name .. ".json", body)
    write(name .. ".sig", signature .. "\n")
  end
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Hub-Signature-256"] = signature,
  }, body)
end
