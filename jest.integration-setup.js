// Integration and end-to-end tests wait on a real broker and database.
jest.setTimeout(120000);
