# Development SCRAM users of the local broker, which listens on 127.0.0.1 only: `admin` (super user,
# used by npm start's provisioning and by tests) and one principal per service. The passwords are
# for this machine's broker alone; a real cluster gets its users and secrets from Strimzi
# (deploy/k8s/base/kafka-users.yaml). Sourced by kafka.sh and start.sh.
KAFKA_ADMIN_USERNAME="admin"
KAFKA_PRINCIPALS="offers visitation tariffs notifications console"
kafka_dev_password() { printf '%s-dev-password' "$1"; }
