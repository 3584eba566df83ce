from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "bulletin.demo"
    label = "bulletin_demo"
    verbose_name = "Demo story"
