-- SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in plain Lua for wrk's LuaJIT, which has no crypto library.
-- 32-bit words are LuaJIT `bit` numbers (signed 32-bit); a sum of several words is exact in a double and brought
-- back to 32 bits with bit.tobit, which is addition modulo 2^32.
--
--   local sha256 = dofile("sha256.lua")
--   sha256.hex("abc")                         -- "ba7816bf..."
--   local sign = sha256.hmac_signer("secret")  -- hashes the key pads once
--   sign(body)                                 -- lowercase hex HMAC-SHA256 of body, as openssl dgst -hmac prints it

local bit = require("bit")
local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
local lshift, rshift, ror, tobit, tohex = bit.lshift, bit.rshift, bit.ror, bit.tobit, bit.tohex
local byte, char, rep, sub = string.byte, string.char, string.rep, string.sub

-- FIPS 180-4, 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}
for i = 1, 64 do
  K[i] = tobit(K[i])
end

-- FIPS 180-4, 5.3.3: the initial hash value.
local INITIAL = {
  tobit(0x6a09e667), tobit(0xbb67ae85), tobit(0x3c6ef372), tobit(0xa54ff53a),
  tobit(0x510e527f), tobit(0x9b05688c), tobit(0x1f83d9ab), tobit(0x5be0cd19),
}

local BLOCK = 64
local W = {} -- the message schedule, reused: a Lua state (one per wrk thread) runs one hash at a time

-- FIPS 180-4, 6.2.2: folds the 64-byte block of s that starts at index i into the hash value H (in place).
local function compress(H, s, i)
  for t = 0, 15 do
    local b1, b2, b3, b4 = byte(s, i, i + 3)
    W[t] = bor(lshift(b1, 24), lshift(b2, 16), lshift(b3, 8), b4)
    i = i + 4
  end
  for t = 16, 63 do
    local w15, w2 = W[t - 15], W[t - 2]
    local s0 = bxor(ror(w15, 7), ror(w15, 18), rshift(w15, 3))
    local s1 = bxor(ror(w2, 17), ror(w2, 19), rshift(w2, 10))
    W[t] = tobit(W[t - 16] + s0 + W[t - 7] + s1)
  end
  local a, b, c, d, e, f, g, h = H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8]
  for t = 0, 63 do
    local S1 = bxor(ror(e, 6), ror(e, 11), ror(e, 25))
    local ch = bxor(band(e, f), band(bnot(e), g))
    local t1 = h + S1 + ch + K[t + 1] + W[t]
    local S0 = bxor(ror(a, 2), ror(a, 13), ror(a, 22))
    local maj = bxor(band(a, b), band(a, c), band(b, c))
    h, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + S0 + maj)
  end
  H[1], H[2], H[3], H[4] = tobit(H[1] + a), tobit(H[2] + b), tobit(H[3] + c), tobit(H[4] + d)
  H[5], H[6], H[7], H[8] = tobit(H[5] + e), tobit(H[6] + f), tobit(H[7] + g), tobit(H[8] + h)
end

local function be32(n)
  return char(band(rshift(n, 24), 0xff), band(rshift(n, 16), 0xff), band(rshift(n, 8), 0xff), band(n, 0xff))
end

-- Hashes message into a copy of the state `from`, which has already absorbed `absorbed` bytes (a multiple of 64),
-- pads as FIPS 180-4, 5.1.1 says, and returns the final state.
local function finish(from, absorbed, message)
  local H = { from[1], from[2], from[3], from[4], from[5], from[6], from[7], from[8] }
  local length = #message
  local whole = length - length % BLOCK
  for i = 1, whole, BLOCK do
    compress(H, message, i)
  end
  local bits = (absorbed + length) * 8
  assert(bits < 2 ^ 32, "messages of 512 MiB and more are not supported")
  -- The rest, the 1 bit, zeros up to 56 bytes modulo 64, and the length in bits as a 64-bit big-endian number.
  local rest = sub(message, whole + 1)
  local zeros = (BLOCK - 9 - #rest) % BLOCK
  local tail = rest .. "\128" .. rep("\0", zeros) .. "\0\0\0\0" .. be32(bits)
  for i = 1, #tail, BLOCK do
    compress(H, tail, i)
  end
  return H
end

local function to_bytes(H)
  return be32(H[1]) .. be32(H[2]) .. be32(H[3]) .. be32(H[4]) .. be32(H[5]) .. be32(H[6]) .. be32(H[7]) .. be32(H[8])
end

local function to_hex(H)
  return tohex(H[1]) .. tohex(H[2]) .. tohex(H[3]) .. tohex(H[4]) .. tohex(H[5]) .. tohex(H[6]) .. tohex(H[7])
    .. tohex(H[8])
end

local sha256 = {}

function sha256.hex(message)
  return to_hex(finish(INITIAL, 0, message))
end

-- RFC 2104: HMAC(K, m) = H((K' xor opad) || H((K' xor ipad) || m)), K' the key hashed if longer than a block and
-- padded with zeros to one. Each pad is exactly one block, so the state after it is computed here once and every
-- signature starts from those two states.
function sha256.hmac_signer(key)
  if #key > BLOCK then
    key = to_bytes(finish(INITIAL, 0, key))
  end
  key = key .. rep("\0", BLOCK - #key)
  local inner_pad, outer_pad = {}, {}
  for i = 1, BLOCK do
    local k = byte(key, i)
    inner_pad[i] = char(bxor(k, 0x36))
    outer_pad[i] = char(bxor(k, 0x5c))
  end
  local inner = { unpack(INITIAL) }
  compress(inner, table.concat(inner_pad), 1)
  local outer = { unpack(INITIAL) }
  compress(outer, table.concat(outer_pad), 1)
  return function(message)
    return to_hex(finish(outer, BLOCK, to_bytes(finish(inner, BLOCK, message))))
  end
end

-- Known answers: FIPS 180-2 appendix B (one block, two blocks), and RFC 4231 test cases 2 (short key) and 6 (a key
-- longer than a block). Checked when the script loads, so a broken hash stops wrk before it sends anything.
function sha256.self_test()
  local cases = {
    { sha256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { sha256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    { sha256.hmac_signer("Jefe")("what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
    { sha256.hmac_signer(rep("\170", 131))("Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
  }
  for i, case in ipairs(cases) do
    assert(case[1] == case[2], "SHA-256 self-test " .. i .. " failed: " .. case[1] .. " instead of " .. case[2])
  end
end

return sha256
