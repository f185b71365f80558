-- An authenticated client's message gets a DKIM-Signature inserted at the top.
-- Run with: miltertest -D port=PORT -s sign.lua
local function fail(message)
  mt.echo("FAIL: " .. message)
  error(message)
end

local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if conn == nil then fail("cannot connect to the milter on port " .. port) end

if mt.conninfo(conn, "client.example", "192.0.2.10") ~= nil then fail("conninfo failed") end
if mt.macro(conn, SMFIC_MAIL, "i", "MT0001", "{auth_authen}", "joe") ~= nil then fail("macro failed") end
if mt.mailfrom(conn, "<joe@football.example.com>") ~= nil then fail("mailfrom failed") end
if mt.header(conn, "From", "Joe SixPack <joe@football.example.com>") ~= nil then fail("header From failed") end
if mt.header(conn, "To", "Suzie Q <suzie@shopping.example.net>") ~= nil then fail("header To failed") end
if mt.header(conn, "Subject", "Is dinner ready?") ~= nil then fail("header Subject failed") end
if mt.header(conn, "Date", "Fri, 11 Jul 2003 21:00:37 -0700") ~= nil then fail("header Date failed") end
if mt.eoh(conn) ~= nil then fail("eoh failed") end
if mt.bodystring(conn, "Hi.\r\n\r\nWe lost the game. Are you hungry yet?\r\n") ~= nil then fail("body failed") end
if mt.eom(conn) ~= nil then fail("eom failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then fail("end of message was not answered with continue") end

if not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature") then fail("no DKIM-Signature was inserted") end
local signature = mt.getheader(conn, "DKIM-Signature", 0)
if signature == nil then fail("the DKIM-Signature value is missing") end
if not string.find(signature, "d=football.example.com", 1, true) then fail("wrong signing domain: " .. signature) end
if not string.find(signature, "s=s1", 1, true) then fail("wrong selector: " .. signature) end
if mt.eom_check(conn, MT_HDRINSERT, "Authentication-Results") then fail("outbound mail got Authentication-Results") end

mt.disconnect(conn)
