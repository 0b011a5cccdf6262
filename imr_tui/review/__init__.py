"""Reviewing attendance after the fact: the register's figures and the rules that flag people."""
