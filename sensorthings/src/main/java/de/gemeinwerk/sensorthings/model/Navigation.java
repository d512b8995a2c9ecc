package de.gemeinwerk.sensorthings.model;

/**
 * A navigation property such as Thing/Datastreams (many) or Datastream/Thing (one).
 *
 * @param required for to-one navigations: the entity cannot exist without it (Datastream/Thing)
 */
public record Navigation(String name, EntityType target, boolean many, Relation relation, boolean required) {}
