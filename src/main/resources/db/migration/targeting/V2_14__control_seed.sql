-- The seed of the control sample's draw, made at random on the first start and kept here, so that the draw is the same
-- after a restart (a replay draws the same sample) and nobody outside the installation can work out from an entry
-- number whether a summary would be drawn. One row.
create table targeting_control_seed (
    id         int         primary key check (id = 1),
    seed       bigint      not null,
    created_at timestamptz not null
);
