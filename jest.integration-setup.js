// Integration and end-to-end tests wait on a real broker and database.
jest.setTimeout(120000);
// Each test file gets topics of its own on the shared test broker (see KAFKA_TOPIC_PREFIX), so one
// file's services never answer another file's events. Jest gives every test file its own process.env.
process.env.KAFKA_TOPIC_PREFIX = `t${require('crypto').randomBytes(4).toString('hex')}.`;
process.env.LOG_LEVEL ??= 'warn'; // tests that read logs ask for 'info'
