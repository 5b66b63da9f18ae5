module pullsecret-webhook/load/injector

go 1.22
