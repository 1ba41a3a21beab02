-- One database per service (architecture.md); npm start does the same with deploy/local/create-databases.ts.
CREATE DATABASE tilbudsnet_offers;
CREATE DATABASE tilbudsnet_visitation;
CREATE DATABASE tilbudsnet_tariffs;
CREATE DATABASE tilbudsnet_notifications;
