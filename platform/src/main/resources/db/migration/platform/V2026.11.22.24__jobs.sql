-- Long operations of a tenant (adopting hundreds of quarantined devices, importing devices from CSV): one row per job,
-- so that every instance behind a load balancer can answer "how far is it?", and a job whose instance died is
-- recognised by its heartbeat standing still (read as 'interrupted', platform.jobs.JobStore).

create table job (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null references tenant (id) on delete cascade,
    -- what it does, e.g. 'lorawan-adoption', 'lorawan-device-import'
    kind         text        not null,
    state        text        not null default 'running'
                             check (state in ('running', 'finished', 'failed', 'interrupted')),
    total        integer     not null check (total >= 0),
    -- items handled so far, the failed ones included
    done         integer     not null default 0 check (done >= 0),
    failed       integer     not null default 0 check (failed >= 0),
    -- the first per-item errors, [{"item", "message"}]; bounded (platform.jobs.JobProgress.MAX_ERRORS)
    errors       jsonb       not null default '[]',
    -- why the job as a whole failed; null unless state = 'failed'
    failure      text,
    -- who started it, as shown to the tenant's admins (an API key's name, a staff member's name)
    started_by   text        not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    -- written by the running instance every few seconds
    heartbeat_at timestamptz not null default now()
);
create index job_tenant_recent on job (tenant_id, id desc);
