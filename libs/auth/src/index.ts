// Token verification, roles and organisation scope, audit of personal-data reads: see issue 3.
export {};
