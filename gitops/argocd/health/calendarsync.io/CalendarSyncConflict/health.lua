-- Argo CD health of a CalendarSyncConflict (docs/operations.md#gitops). The operator creates one when both sides of an
-- entry changed under the Manual policy, and deletes it once the person's resolution is applied.
-- An open conflict is Suspended, not Degraded: it is a step that waits for a person by design (like a paused rollout),
-- nothing is broken, and the provider keeps syncing every other entry. Alerts on conflicts left open too long are
-- the job of the CalendarConflictsOpenTooLong alert, not of a red resource tree.
-- Argo CD runs this with gopher-lua (Lua 5.1): keep to what Lua 5.1 and 5.2 share.
local hs = {}

local function describe(version)
  if version == nil then
    return "unknown"
  end
  if version.deleted == true then
    return "deleted"
  end
  return "\"" .. (version.title or "") .. "\""
end

if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to record both versions"
  return hs
end

if obj.status.phase == "Failed" then
  hs.status = "Degraded"
  hs.message = "The resolution could not be applied"
  for _, condition in ipairs(obj.status.conditions or {}) do
    if condition.status == "False" and condition.message ~= nil then
      hs.message = hs.message .. ": " .. condition.message
      break
    end
  end
  return hs
end

if obj.spec.resolution ~= nil then
  hs.status = "Progressing"
  hs.message = "Applying " .. obj.spec.resolution .. "; the operator deletes this conflict when done"
  return hs
end

hs.status = "Suspended"
hs.message = "Entry " .. obj.spec.entryId .. " changed on both sides (schedule " .. describe(obj.status.internal)
    .. ", calendar " .. describe(obj.status.external)
    .. "): set spec.resolution to KeepInternal or KeepExternal"
return hs
