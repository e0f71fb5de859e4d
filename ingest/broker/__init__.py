"""A local single-node Apache Kafka broker (KRaft, no Docker) for development and tests.

`control.up` fetches the broker's jars from Maven Central once, formats storage once, starts
`kafka.Kafka` in the background and waits until the broker answers; `control.down` stops it.
"""
