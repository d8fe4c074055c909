-- Argo CD health of a CalendarProvider, read from the status the operator writes (docs/operations.md#gitops).
-- Ready summarises the provider; Reconciling and Stalled follow kstatus and are present only while true.
-- Argo CD runs this with gopher-lua (Lua 5.1): keep to what Lua 5.1 and 5.2 share.
local hs = {}
local status = obj.status or {}

local function findCondition(conditions, conditionType)
  for _, condition in ipairs(conditions) do
    if condition.type == conditionType then
      return condition
    end
  end
  return nil
end

local function explain(condition)
  if condition.message == nil or condition.message == "" then
    return condition.reason
  end
  return condition.reason .. ": " .. condition.message
end

local function degraded(condition)
  hs.status = "Degraded"
  hs.message = explain(condition)
  if status.authorizationUrl ~= nil then
    hs.message = hs.message .. " (a person must grant access: see status.authorizationUrl)"
  end
  return hs
end

local conditions = status.conditions or {}
local ready = findCondition(conditions, "Ready")
-- Conditions written for an older spec say nothing about the current one.
local generation = obj.metadata.generation
local observed = status.observedGeneration
local behind = generation ~= nil and observed ~= nil and observed < generation

if status.phase == "Suspended" and not behind then
  hs.status = "Suspended"
  hs.message = ready ~= nil and ready.message or "Sync is suspended"
  return hs
end

-- Suspension is the user's own decision: show it before the operator has caught up with it.
if obj.spec ~= nil and obj.spec.suspend == true then
  hs.status = "Suspended"
  hs.message = "Sync is suspended (spec.suspend: true)"
  return hs
end

if #conditions == 0 then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report status"
  return hs
end

if behind then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation .. " (observed " .. observed .. ")"
  return hs
end

-- Stalled: retrying cannot help until someone changes the spec, the Secret or the namespace.
local stalled = findCondition(conditions, "Stalled")
if stalled ~= nil and stalled.status == "True" then
  return degraded(stalled)
end

local reconciling = findCondition(conditions, "Reconciling")
if reconciling ~= nil and reconciling.status == "True" then
  hs.status = "Progressing"
  hs.message = explain(reconciling)
  return hs
end

if ready == nil or ready.status == "Unknown" then
  hs.status = "Progressing"
  hs.message = ready ~= nil and explain(ready) or "Waiting for the Ready condition"
  return hs
end

if ready.status == "False" then
  return degraded(ready)
end

-- Open conflicts do not make the provider unhealthy: it keeps syncing everything else, and each conflict is its own
-- resource waiting for a decision.
hs.status = "Healthy"
hs.message = ready.message
local conflict = findCondition(conditions, "Conflict")
if conflict ~= nil and conflict.status == "True" then
  hs.message = hs.message .. "; " .. conflict.message
end
return hs
