import { conflict, badRequest, OperationOutcomeError, parseSearchRequest } from '@medplum/core';
import { applyPaymentNotice } from './payment-rules.mjs';

const HOLDS_SLOT = new Set(['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'checked-in', 'waitlist']);

function slotIds(appointment) {
  return (appointment?.slot ?? [])
    .map((s) => s.reference ?? '')
    .filter((r) => r.startsWith('Slot/'))
    .map((r) => r.slice(5));
}

function heldSlots(appointment) {
  return appointment && HOLDS_SLOT.has(appointment.status) ? slotIds(appointment) : [];
}

/**
 * Hospital rules on writes: booking an Appointment takes its Slot (409 when already taken) and
 * cancelling frees it; Subscriptions are checked and activated; the slot-conflict fault is applied; a new
 * PaymentNotice pays its Invoice or tops up its deposit Account (payment-rules.mjs).
 */
export function createRules(faults) {
  return {
    async beforeUpdate(resource, options, repo) {
      if (resource.resourceType !== 'Slot' || !faults.consumeSlotConflict()) {
        return;
      }
      if (repo.current('Slot', resource.id)) {
        // A concurrent write by the HIS itself: the caller's version is now stale.
        await repo.committed(() => repo.touch('Slot', resource.id, (slot) => {
          slot.comment = `${slot.comment ?? ''}（HIS 已修改）`.trim();
        }));
      }
      if (!options?.ifMatch) {
        throw new OperationOutcomeError(conflict('号源已被 HIS 修改，请重新读取后再试'));
      }
    },

    async beforeWrite(resource, existing, repo) {
      if (resource.resourceType === 'Subscription') {
        checkSubscription(resource);
      }
      if (resource.resourceType === 'Appointment') {
        await applyBooking(resource, existing, repo, faults);
      }
      if (!existing && resource.resourceType === 'Schedule') {
        checkScheduleActors(resource, repo);
      }
      if (!existing && resource.resourceType === 'Slot') {
        checkTimetableClash(resource, repo);
      }
      if (!existing && resource.resourceType === 'PaymentNotice') {
        await applyPaymentNotice(resource, repo);
      }
    },
  };
}

/** An exam booking names the order it carries out: the order must exist, be open and belong to the patient. */
function checkOrders(appointment, existing, repo) {
  const fresh = (appointment.basedOn ?? []).filter((b) => !(existing?.basedOn ?? []).some((e) => e.reference === b.reference));
  const patient = (appointment.participant ?? []).map((p) => p.actor?.reference ?? '').find((r) => r.startsWith('Patient/'));
  for (const based of fresh) {
    const id = (based.reference ?? '').startsWith('ServiceRequest/') ? based.reference.slice('ServiceRequest/'.length) : null;
    const order = id && repo.current('ServiceRequest', id);
    if (!order) {
      throw new OperationOutcomeError(badRequest(`检查申请 ${based.reference} 不存在`, 'Appointment.basedOn'));
    }
    if (order.status !== 'active' || order.subject?.reference !== patient) {
      throw new OperationOutcomeError(badRequest(`检查申请 ${based.reference} 不属于该患者或已结束`, 'Appointment.basedOn'));
    }
  }
}

async function applyBooking(appointment, existing, repo, faults) {
  checkOrders(appointment, existing, repo);
  const before = new Set(heldSlots(existing));
  const after = new Set(heldSlots(appointment));
  const taking = [...after].filter((id) => !before.has(id));
  const releasing = [...before].filter((id) => !after.has(id));
  if (taking.length && faults.consumeSlotConflict()) {
    await repo.committed(() => repo.touch('Slot', taking[0], (slot) => {
      slot.status = 'busy';
    }));
    throw new OperationOutcomeError(conflict('号源已被占用（HIS 并发修改）'));
  }
  for (const id of taking) {
    const slot = repo.current('Slot', id);
    if (!slot) {
      throw new OperationOutcomeError(badRequest(`Slot/${id} 不存在`, 'Appointment.slot'));
    }
    if (slot.status !== 'free') {
      throw new OperationOutcomeError(conflict(`号源 Slot/${id} 已被占用`));
    }
  }
  for (const id of taking) {
    await repo.touch('Slot', id, (slot) => {
      slot.status = 'busy';
    });
  }
  for (const id of releasing) {
    if (repo.current('Slot', id)?.status === 'busy') {
      await repo.touch('Slot', id, (slot) => {
        slot.status = 'free';
      });
    }
  }
}

const OCCUPIED = new Set(['free', 'busy']);

function practitionerOf(schedule) {
  return (schedule?.actor ?? []).map((a) => a.reference ?? '').find((r) => r.startsWith('Practitioner/'));
}

/** A new schedule (an added session, 加诊) names a practitioner the hospital has, and who still works. */
function checkScheduleActors(schedule, repo) {
  const practitioner = practitionerOf(schedule);
  if (!practitioner) {
    return;
  }
  const found = repo.current('Practitioner', practitioner.slice('Practitioner/'.length));
  if (!found || found.active === false) {
    throw new OperationOutcomeError(badRequest(`医生 ${practitioner} 不存在或已停诊`, 'Schedule.actor'));
  }
}

/**
 * A doctor cannot be in two clinics at once: a new slot of a doctor's schedule may not overlap a slot of any other of
 * their schedules that is still open or booked (a closed one, busy-unavailable, is a stopped clinic and frees the time).
 */
function checkTimetableClash(slot, repo) {
  const scheduleId = (slot.schedule?.reference ?? '').replace(/^Schedule\//, '');
  const practitioner = practitionerOf(repo.current('Schedule', scheduleId));
  if (!practitioner) {
    return;
  }
  const theirs = new Set([...(repo.resources.get('Schedule')?.values() ?? [])]
    .filter((s) => s.id !== scheduleId && practitionerOf(s) === practitioner)
    .map((s) => `Schedule/${s.id}`));
  if (theirs.size === 0) {
    return;
  }
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  for (const other of repo.resources.get('Slot')?.values() ?? []) {
    if (theirs.has(other.schedule?.reference) && OCCUPIED.has(other.status)
      && Date.parse(other.start) < end && Date.parse(other.end) > start) {
      throw new OperationOutcomeError(conflict(`该医生在 ${other.start.slice(0, 16).replace('T', ' ')} 已有出诊，不能重复排班`));
    }
  }
}

function checkSubscription(subscription) {
  const channel = subscription.channel ?? {};
  if (channel.type !== 'rest-hook') {
    throw new OperationOutcomeError(badRequest('仅支持 rest-hook 通道', 'Subscription.channel.type'));
  }
  if (!/^https?:\/\//.test(channel.endpoint ?? '')) {
    throw new OperationOutcomeError(badRequest('channel.endpoint 必须是 http(s) 地址', 'Subscription.channel.endpoint'));
  }
  for (const header of channel.header ?? []) {
    if (!/^[A-Za-z0-9-]+:\s?.*$/.test(header)) {
      throw new OperationOutcomeError(badRequest(`无效的请求头 "${header}"，格式应为 "Name: value"`, 'Subscription.channel.header'));
    }
  }
  try {
    const search = parseSearchRequest(subscription.criteria ?? '');
    if (!search.resourceType || !/^[A-Z][A-Za-z]+$/.test(search.resourceType)) {
      throw new Error('bad type');
    }
  } catch {
    throw new OperationOutcomeError(badRequest(`无效的订阅条件 "${subscription.criteria}"`, 'Subscription.criteria'));
  }
  if (subscription.status === 'requested') {
    subscription.status = 'active';
  }
}
