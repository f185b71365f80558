-- A packet above the milter's size limit, and a negotiation for a protocol version we do not speak, each
-- close their connection; the next connection is served. The milter under test limits packets to 65536 bytes.
-- Run with: miltertest -D port=PORT -s malformed.lua
local function fail(message)
  mt.echo("FAIL: " .. message)
  error(message)
end

local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if conn == nil then fail("cannot connect to the milter on port " .. port) end

if mt.conninfo(conn, "client.example", "192.0.2.10") ~= nil then fail("conninfo failed") end
if mt.mailfrom(conn, "<joe@football.example.com>") ~= nil then fail("mailfrom failed") end
if mt.header(conn, "From", "joe@football.example.com") ~= nil then fail("header failed") end
if mt.eoh(conn) ~= nil then fail("eoh failed") end
-- One body packet of 70000 bytes: above the limit (MTAs send at most 65535 unless they agreed on more).
mt.bodystring(conn, string.rep("a", 70000))
local failed = mt.eom(conn)
if failed == nil and mt.getreply(conn) == SMFIR_CONTINUE then
  fail("an oversized packet was taken as a message")
end
mt.echo("oversized packet refused: " .. tostring(failed))

local old = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if old == nil then fail("the milter stopped serving after an oversized packet") end
if mt.negotiate(old, 1, nil, nil) == nil then fail("protocol version 1 was accepted") end

local next = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if next == nil then fail("the milter stopped serving after a malformed packet") end
if mt.conninfo(next, "client.example", "192.0.2.10") ~= nil then fail("conninfo on the next connection failed") end
if mt.mailfrom(next, "<joe@football.example.com>") ~= nil then fail("mailfrom failed") end
if mt.header(next, "From", "joe@football.example.com") ~= nil then fail("header failed") end
if mt.eoh(next) ~= nil then fail("eoh failed") end
if mt.bodystring(next, "Hello.\r\n") ~= nil then fail("body failed") end
if mt.eom(next) ~= nil then fail("eom on the next connection failed") end
if mt.getreply(next) ~= SMFIR_CONTINUE then fail("the next message was not answered with continue") end
if not mt.eom_check(next, MT_HDRINSERT, "Authentication-Results") then fail("the next message got no Authentication-Results") end
mt.disconnect(next)
