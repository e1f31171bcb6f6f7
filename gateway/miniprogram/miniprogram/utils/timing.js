// How often and how long the pages ask the server again; tests shorten them.
module.exports = { pollMs: 1500, lockingTries: 40, orderTries: 20, paidTries: 20, queuePollMs: 10000 }
